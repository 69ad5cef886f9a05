package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneDriversTest {

    private static final String MASTER = "spark://spark-master.example:7077";
    private static final String DRIVER = "driver-20261203171000-0001";

    @TempDir
    Path dir;

    @Test
    void shouldFindTheDriverIdTheMasterGaveInSparkSubmitsLog() throws IOException {
        Path log = dir.resolve("engine.log");
        assertThat(StandaloneDrivers.driverId(log)).isEmpty();
        // As Spark's submission client logs it (a standalone master, cluster deploy mode).
        Files.writeString(log, """
                26/12/03 17:10:00 INFO ClientEndpoint: ... waiting before polling master for driver state
                26/12/03 17:10:00 INFO ClientEndpoint: Driver successfully submitted as driver-20261203171000-0001
                26/12/03 17:10:05 INFO ClientEndpoint: State of driver-20261203171000-0001 is RUNNING
                """);

        assertThat(StandaloneDrivers.driverId(log)).contains(DRIVER);
        assertThat(StandaloneDrivers.runsOn(MASTER)).isTrue();
        assertThat(StandaloneDrivers.runsOn("yarn")).isFalse();
    }

    @Test
    void shouldKillTheDriverThroughSparksClientWithTheSettingsItWasSubmittedWith() throws IOException {
        Path sparkHome = dir.resolve("spark");
        LaunchSettings cluster = cluster(Map.of("spark.authenticate", "true"));

        assertThat(StandaloneDrivers.killCommand(engine(sparkHome), cluster, DRIVER)).containsExactly(
                sparkHome.resolve("bin/spark-submit").toString(), "--master", MASTER,
                "--conf", "spark.authenticate=true",
                "--class", "org.apache.spark.deploy.Client", "spark-internal", "kill", MASTER, DRIVER);

        Path engineHome = Files.createDirectories(dir.resolve("engine").resolve("lib")).getParent();
        Files.write(engineHome.resolve(SparkDriverLauncher.ENGINE_JAR), new byte[0]);
        EngineProperties ownJars = new EngineProperties(engineHome, MASTER, "cluster", "1g", null, null, null, null,
                null, null, null, null, null, Duration.ofHours(2), Duration.ofSeconds(5), 2, null, null);
        assertThat(StandaloneDrivers.killCommand(ownJars, cluster, DRIVER))
                .contains("org.apache.spark.deploy.SparkSubmit", "-Xmx512m", "spark.authenticate=true")
                .doesNotContain("--deploy-mode")
                .endsWith("--class", "org.apache.spark.deploy.Client",
                        engineHome.toAbsolutePath().resolve(SparkDriverLauncher.ENGINE_JAR).toString(),
                        "kill", MASTER, DRIVER);
    }

    @Test
    void shouldReportAClientThatFails() throws IOException {
        Path sparkHome = dir.resolve("spark");
        Path log = dir.resolve("engine.log");
        Files.createDirectories(sparkHome.resolve("bin"));
        FakeSparkHome.install(sparkHome.resolve("bin/spark-submit"), "#!/bin/sh\necho \"$@\"\nexit 0\n");
        StandaloneDrivers.kill(engine(sparkHome), cluster(Map.of()), DRIVER, log);
        assertThat(Files.readString(log)).contains("kill " + MASTER + " " + DRIVER);

        FakeSparkHome.install(sparkHome.resolve("bin/spark-submit"),
                "#!/bin/sh\necho Driver " + DRIVER + " has already finished or does not exist\nexit 255\n");
        assertThatThrownBy(() -> StandaloneDrivers.kill(engine(sparkHome), cluster(Map.of()), DRIVER, log))
                .isInstanceOf(IOException.class).hasMessageContaining("exited with code 255");
        assertThat(Files.readString(log)).contains("has already finished");
    }

    private static EngineProperties engine(Path sparkHome) {
        return new EngineProperties(null, MASTER, "cluster", "1g", null, null, null, null, null, null, sparkHome,
                null, null, Duration.ofHours(2), Duration.ofSeconds(5), 2, null, null);
    }

    private static LaunchSettings cluster(Map<String, String> conf) {
        return new LaunchSettings(MASTER, "cluster", "2g", null, null, null, null, conf);
    }
}
