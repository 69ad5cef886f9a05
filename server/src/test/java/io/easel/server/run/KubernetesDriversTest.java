package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesDriversTest {

    private static final String MASTER = "k8s://https://kubernetes.default.svc:443";
    private static final UUID RUN = UUID.fromString("0b7e3c1a-52d4-4f8e-9a51-3f5d2c1b0a99");

    @TempDir
    Path sparkHome;

    @Test
    void shouldKillTheRunsDriverPodAsTheSubmissionReachedTheApiServerWithoutItsToken() {
        LaunchSettings settings = cluster(Map.of("spark.kubernetes.namespace", "easel",
                "spark.kubernetes.authenticate.submission.oauthTokenFile", "/var/run/secrets/token",
                "spark.kubernetes.driverEnv.EASEL_CALLBACK_TOKEN", "s3cret",
                "spark.eventLog.enabled", "true"));

        assertThat(KubernetesDrivers.killCommand(Path.of("/opt/spark"), settings, KubernetesDrivers.podName(settings,
                RUN))).containsExactly(
                "/opt/spark/bin/spark-submit", "--master", MASTER,
                "--conf", "spark.kubernetes.authenticate.submission.oauthTokenFile=/var/run/secrets/token",
                "--conf", "spark.kubernetes.namespace=easel",
                "--kill", "easel:easel-0b7e3c1a-52d4-4f8e-9a51-3f5d2c1b0a99-driver");
    }

    @Test
    void shouldKillThePodTheOperatorNamedInSparksDefaultNamespace() {
        LaunchSettings settings = cluster(Map.of("spark.kubernetes.driver.pod.name", "credit-driver"));

        assertThat(KubernetesDrivers.podName(settings, RUN)).isEqualTo("credit-driver");
        assertThat(KubernetesDrivers.killCommand(Path.of("/opt/spark"), settings, KubernetesDrivers.podName(settings,
                RUN))).endsWith("--kill", "default:credit-driver");
        assertThat(KubernetesDrivers.runsOn(MASTER)).isTrue();
        assertThat(KubernetesDrivers.runsOn("yarn")).isFalse();
    }

    @Test
    void shouldNameAStatisticsJobsDriverPodApartFromItsRunsEvenWhereTheOperatorNamesPods() {
        LaunchSettings settings = cluster(Map.of("spark.kubernetes.driver.pod.name", "credit-driver"));
        UUID job = UUID.fromString("5f1d2a3b-0c4d-4e5f-8a9b-0c1d2e3f4a5b");
        EngineLaunch statistics = new EngineLaunch(RUN, "experiment.json", Path.of("statistics"),
                Path.of("engine.log"), "file:/runs", "file:/models", null, null, settings, java.util.List.of(),
                io.easel.run.DataRoots.of(java.util.List.of(), null), io.easel.run.JdbcConnections.none(),
                RunOptions.reuse(), null, new DriverTask.ComputeStatistics("file:/runs/r/split/out", job));

        assertThat(statistics.driverPodName()).isEqualTo("easel-5f1d2a3b-0c4d-4e5f-8a9b-0c1d2e3f4a5b-statistics")
                .as("a DNS label").hasSizeLessThanOrEqualTo(63);
        assertThat(KubernetesDrivers.killCommand(Path.of("/opt/spark"), settings, statistics.driverPodName()))
                .endsWith("--kill", "default:easel-5f1d2a3b-0c4d-4e5f-8a9b-0c1d2e3f4a5b-statistics");
    }

    @Test
    void shouldRunSparkSubmitAndReportItsFailure() throws IOException {
        Path log = sparkHome.resolve("engine.log");
        sparkSubmit("echo \"$@\"; exit 0");
        KubernetesDrivers.kill(sparkHome, cluster(Map.of()), KubernetesDrivers.podName(cluster(Map.of()), RUN), log);
        assertThat(Files.readString(log)).contains("--master " + MASTER + " --kill default:easel-" + RUN + "-driver");

        sparkSubmit("echo pod not found; exit 1");
        assertThatThrownBy(() -> KubernetesDrivers.kill(sparkHome, cluster(Map.of()), "easel-" + RUN + "-driver", log))
                .isInstanceOf(IOException.class).hasMessageContaining("exited with code 1");
        assertThat(Files.readString(log)).contains("pod not found");
    }

    private static LaunchSettings cluster(Map<String, String> conf) {
        return new LaunchSettings(MASTER, "cluster", "2g", null, null, null, null, conf);
    }

    private void sparkSubmit(String body) throws IOException {
        Path script = Files.createDirectories(sparkHome.resolve("bin")).resolve("spark-submit");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
