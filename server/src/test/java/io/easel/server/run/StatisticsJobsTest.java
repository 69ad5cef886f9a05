package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.easel.component.Catalog;
import io.easel.run.DataRoots;
import io.easel.run.JdbcConnections;
import io.easel.run.RunState;
import io.easel.server.plugin.PluginJars;
import io.easel.server.settings.EaselProperties;
import io.easel.server.settings.WorkspaceDataRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * Statistics jobs past their time limit, and at server shutdown: stopped here and killed on the cluster, as runs are.
 * The jobs are real processes that would run for a minute; the cluster is a spark-submit stand-in (Kubernetes, a
 * standalone master) or a ResourceManager stand-in that records what it is asked to kill (YARN; the real kill is
 * tested with runs in YarnCreditScoringIT).
 */
class StatisticsJobsTest {

    private static final String TABLE = "file:/data/runs/r/split/out";

    @TempDir
    Path dir;

    private final List<String> yarnKills = new CopyOnWriteArrayList<>();

    @Test
    void shouldStopAJobPastItsTimeLimitKillItsDriverPodAndSayWhyInBothLanguages() throws IOException {
        StatisticsJobs jobs = jobs(Duration.ofSeconds(1), null);
        List<PortStatisticsView> failures = new CopyOnWriteArrayList<>();

        jobs.start(run("k8s://https://kubernetes.example:6443"), TABLE, failures::add);
        assertThat(jobs.computing(TABLE)).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> !jobs.computing(TABLE));
        assertThat(failures).singleElement().satisfies(failed -> {
            assertThat(failed.state()).isEqualTo(PortStatisticsView.FAILED);
            assertThat(failed.message()).contains("took longer than the limit of 1s")
                    .contains("easel.engine.statistics-timeout");
            assertThat(failed.cause().en()).startsWith("Computing the statistics took longer than the limit of 1s");
            assertThat(failed.cause().in(Locale.CHINESE)).contains("1s").contains("easel.engine.statistics-timeout");
        });
        Path log = jobLog();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(Files.readString(log))
                .as("spark-submit --kill, as for a run's driver pod")
                .containsPattern("--kill default:easel-[0-9a-f-]{36}-statistics"));
        jobs.stopAll();
    }

    @Test
    void shouldKillTheJobsDriverOnAStandaloneMasterPastItsTimeLimit() throws IOException {
        StatisticsJobs jobs = jobs(Duration.ofSeconds(1), null);
        List<PortStatisticsView> failures = new CopyOnWriteArrayList<>();

        jobs.start(run("spark://spark-master.example:7077"), TABLE, failures::add);

        Path log = jobLog();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Files.readString(log))
                .as("Spark's client asked to kill the driver the master named")
                .contains("--class org.apache.spark.deploy.Client spark-internal kill spark://spark-master.example:7077"
                        + " driver-20261203171000-0001"));
        assertThat(failures).singleElement().extracting(PortStatisticsView::message).asString()
                .contains("took longer than the limit of 1s");
        jobs.stopAll();
    }

    @Test
    void shouldKillTheJobsYarnApplicationWhenTheServerStops() throws IOException {
        StatisticsJobs jobs = jobs(Duration.ofMinutes(10), "application_1764662400000_0007");
        List<PortStatisticsView> failures = new CopyOnWriteArrayList<>();
        jobs.start(run("yarn"), TABLE, failures::add);

        jobs.stopAll();

        assertThat(yarnKills).containsExactly("application_1764662400000_0007: The Easel server stopped");
        assertThat(jobs.computing(TABLE)).isFalse();
        assertThat(failures).as("nobody is left to tell").isEmpty();
    }

    /**
     * Jobs launched as processes that would run a minute, after logging what a standalone master named them; with
     * {@code sparkAppId}, they announce it as a Spark launcher's handle would.
     */
    private StatisticsJobs jobs(Duration timeLimit, String sparkAppId) throws IOException {
        Path sparkHome = dir.resolve("spark");
        Files.createDirectories(sparkHome.resolve("bin"));
        FakeSparkHome.install(sparkHome.resolve("bin").resolve("spark-submit"), "#!/bin/sh\necho \"$@\"\n");
        EngineProperties engine = new EngineProperties(null, "local[2]", "cluster", "1g", null, null, null, null,
                null, null, sparkHome, null, null, Duration.ofHours(2), Duration.ofSeconds(5), 2, null, null);
        LaunchPlanner planner = new LaunchPlanner(new EaselProperties(dir.resolve("data"), null), engine,
                PluginJars.none(), new WorkspaceDataRoots(DataRoots.none(), dir.resolve("uploads")),
                id -> JdbcConnections.none(), () -> new Catalog(List.of()), new MockEnvironment());
        YarnApplications yarn = new YarnApplications(Map.of(), Map.of()) {
            @Override
            void kill(String applicationId, String reason) {
                yarnKills.add(applicationId + ": " + reason);
            }
        };
        EngineLauncher launcher = launch -> {
            // What spark-submit logs once a standalone master accepted a cluster-mode driver.
            Files.writeString(launch.logFile(), "INFO ClientEndpoint: Driver successfully submitted as "
                    + "driver-20261203171000-0001\n");
            Process process = new ProcessBuilder("sleep", "60").directory(launch.runDirectory().toFile()).start();
            return new Announcing(new ChildProcessEngine(process, false), sparkAppId);
        };
        return new StatisticsJobs(launcher, planner, new ClusterDrivers(engine, yarn), timeLimit);
    }

    private static RunView run(String master) {
        LaunchSettings settings = new LaunchSettings(master, "cluster", "1g", null, null, null, null, Map.of());
        return new RunView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), RunState.SUCCEEDED, null, null,
                null, null, null, Map.of(), settings);
    }

    private Path jobLog() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            return files.filter(file -> file.endsWith("engine.log")).findFirst().orElseThrow();
        }
    }

    /** A launched process whose Spark application id the launcher learned. */
    private record Announcing(RunningEngine process, String sparkAppId) implements RunningEngine {

        @Override
        public String describe() {
            return process.describe();
        }

        @Override
        public CompletableFuture<EngineEnd> ended() {
            return process.ended();
        }

        @Override
        public void stop() {
            process.stop();
        }

        @Override
        public void kill() {
            process.kill();
        }

        @Override
        public void onSparkApplication(Consumer<String> listener) {
            if (sparkAppId != null) {
                listener.accept(sparkAppId);
            }
        }
    }
}
