package io.easel.server.cluster;

import static io.easel.server.cluster.CreditScoringRuns.assertEveryNodeSucceeded;
import static io.easel.server.cluster.CreditScoringRuns.auc;
import static io.easel.server.cluster.CreditScoringRuns.awaitEnd;
import static io.easel.server.cluster.CreditScoringRuns.awaitRun;
import static io.easel.server.cluster.CreditScoringRuns.deployAndScoreAsSparkDid;
import static io.easel.server.cluster.CreditScoringRuns.sleep;
import static io.easel.server.cluster.CreditScoringRuns.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.server.Api;
import io.easel.server.InProcessHdfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;

/**
 * Easel outgrowing one machine, on real things the test starts itself: an HDFS (in process), a Spark standalone
 * cluster (a master and two workers, child JVMs running only Spark, Scala and Hadoop) and the server submitting the
 * engine's application jar through Spark's launcher, the driver beside the server or on a worker. The credit-scoring
 * experiment reads its CSV from HDFS, keeps its workspace and model on HDFS, and must give the AUC a local run gives;
 * a worker killed mid-run must not leave the run hanging.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCreditScoringIT {

    private static final List<AutoCloseable> started = new ArrayList<>();
    private static InProcessHdfs hdfs;
    private static StandaloneSparkCluster spark;
    private static EaselServer clusterServer;
    private static CreditScoringRuns runs;
    /** The AUC of the client-mode run on the cluster, which every other run of the same experiment must give. */
    private static double clusterAuc = Double.NaN;

    @RegisterExtension
    static final TestWatcher PRINT_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (spark != null) {
                System.err.println(spark.logTails());
            }
            if (runs == null) {
                return;
            }
            runs.engineLogs().forEach((run, log) -> System.err.println("---- engine log of run " + run + " (" + log
                    + ") ----\n" + StandaloneSparkCluster.tail(log, 60)));
        }
    };

    @BeforeAll
    static void startHdfsSparkAndServer() throws IOException {
        Path scratch = Files.createTempDirectory(Files.createDirectories(Path.of("target", "cluster-it")
                .toAbsolutePath()), "run");
        hdfs = timed("in-process HDFS", () -> InProcessHdfs.start(scratch.resolve("dfs")));
        started.add(hdfs);
        runs = new CreditScoringRuns(hdfs.upload(CreditScoringRuns.CREDIT_CSV, "/data/credit_g.csv"));

        SparkHome home = SparkHome.locate();
        spark = timed("Spark master + 2 workers", () -> StandaloneSparkCluster.start(home, scratch));
        started.add(spark);

        Map<String, String> settings = new LinkedHashMap<>(CreditScoringRuns.QUIET_HADOOP);
        // A known port, so that drivers the cluster starts itself (cluster deploy mode) can be told where to report.
        int port = StandaloneSparkCluster.freePort();
        settings.put("server.port", Integer.toString(port));
        settings.put("easel.engine.callback-url", "http://127.0.0.1:" + port);
        settings.put("easel.engine.master", spark.masterUrl());
        settings.put("easel.engine.workspace", hdfs.uri() + "/easel/runs");
        settings.put("easel.model-store", hdfs.uri() + "/easel/models");
        settings.put("easel.data.roots", hdfs.uri() + "/data");
        // Submitted through Spark's launcher with the engine's application jar (<engine home>/easel-ml-engine-app.jar).
        settings.put("easel.engine.spark-home", home.path().toString());
        settings.put("easel.engine.driver-memory", "768m");
        settings.put("easel.engine.executor-memory", "512m");
        settings.put("easel.engine.executor-cores", "1");
        settings.put("easel.engine.spark-conf[spark.cores.max]", "2");
        settings.put("easel.engine.timeout", "6m"); // the server's own guard; the tests wait less
        System.out.println("Cluster server settings: " + settings);
        clusterServer = timed("server for the cluster", () -> EaselServer.start(settings));
        started.add(clusterServer);
    }

    @AfterAll
    static void stopEverything() {
        // In reverse: the server stops its engines (the drivers) before the cluster and HDFS go away.
        for (AutoCloseable resource : started.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + resource + ": " + e);
            }
        }
        started.clear();
    }

    @Test
    @Order(1)
    void shouldTrainOnTheClusterFromHdfsScoreFromHdfsAndMatchALocalRun() throws IOException {
        Api api = clusterServer.api();
        String experimentId = runs.createExperiment(api);
        String runId = runs.startRun(clusterServer, experimentId);
        JsonNode run = timed("credit scoring on the cluster", () -> awaitEnd(api, runId));

        assertEveryNodeSucceeded(run);
        // A standalone application id (app-…), not a local one (local-…).
        assertThat(run.get("sparkAppId").asString()).startsWith("app-");
        assertThat(hdfs.exists(hdfs.uri() + "/easel/runs/" + runId + "/status.json"))
                .as("the run's workspace is on HDFS").isTrue();
        String pmml = hdfs.uri() + "/easel/models/" + runId + "/gbdt/model.pmml";
        assertThat(hdfs.exists(pmml)).as(pmml).isTrue();
        assertThat(hdfs.length(pmml)).isPositive();

        // Deployed and scored from the PMML on HDFS: exactly Spark's predictions.
        assertThat(deployAndScoreAsSparkDid(api, experimentId, runId, "credit-cluster")).isEqualTo(pmml);

        // The same experiment, same seeds, same HDFS file, on a local[2] driver.
        clusterAuc = auc(api, runId);
        double localAuc;
        Map<String, String> localSettings = new LinkedHashMap<>(CreditScoringRuns.QUIET_HADOOP);
        localSettings.put("easel.engine.master", "local[2]");
        localSettings.put("easel.engine.driver-memory", "1g");
        localSettings.put("easel.data.roots", hdfs.uri() + "/data");
        try (EaselServer local = timed("server for local mode", () -> EaselServer.start(localSettings))) {
            String localRunId = runs.startRun(local, runs.createExperiment(local.api()));
            JsonNode localRun = timed("credit scoring in local mode", () -> awaitEnd(local.api(), localRunId));
            assertThat(localRun.get("state").asString()).as(localRun.toString()).isEqualTo("succeeded");
            assertThat(localRun.get("sparkAppId").asString()).startsWith("local-");
            localAuc = auc(local.api(), localRunId);
        }
        System.out.printf("AUC on the cluster %.17g, locally %.17g%n", clusterAuc, localAuc);
        // Both read the same 140 KB file as one partition (below Spark's 4 MB split floor), so the seeded split
        // and the GBT's aggregations see the same rows in the same order: the AUC must not differ at all.
        assertThat(clusterAuc).isCloseTo(localAuc, within(1e-9));
        assertThat(clusterAuc).isGreaterThan(0.7);
    }

    @Test
    @Order(2)
    void shouldRunTheDriverOnAWorkerInClusterDeployMode() throws IOException {
        Api api = clusterServer.api();
        // An engineer's per-experiment override: this experiment's driver runs inside the cluster. spark-submit
        // returns once the master accepted the driver; the run is followed through the driver's callbacks.
        String experimentId = runs.createExperiment(api, Map.of("deployMode", "cluster", "driverMemory", "512m"));
        String runId = runs.startRun(clusterServer, experimentId);
        JsonNode run = timed("credit scoring with the driver on a worker", () -> awaitEnd(api, runId));

        assertEveryNodeSucceeded(run);
        assertThat(run.at("/settings/deployMode").asString()).isEqualTo("cluster");
        assertThat(hdfs.exists(hdfs.uri() + "/easel/runs/" + runId + "/experiment.json"))
                .as("the driver read the experiment from the shared workspace").isTrue();
        assertThat(hdfs.exists(hdfs.uri() + "/easel/models/" + runId + "/gbdt/model.pmml")).isTrue();
        assertThat(Double.isNaN(clusterAuc)).as("the client-mode run ran first").isFalse();
        assertThat(auc(api, runId)).isCloseTo(clusterAuc, within(1e-9));

        // No warm engine reads this workspace: the column statistics of an output are a Spark job of their own,
        // submitted as the run was (its driver on a worker too), which leaves them beside the output on HDFS.
        String statistics = "/api/runs/" + runId + "/nodes/convert/ports/out/statistics";
        Api.Response first = api.get(statistics);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.body().get("state").asString()).isEqualTo("computing");
        JsonNode computed = timed("column statistics as a job on the cluster", () -> awaitStatistics(api,
                statistics));
        assertThat(computed.get("state").asString()).as(computed.toString()).isEqualTo("ready");
        assertThat(computed.get("rows").asLong()).isEqualTo(1000); // German credit
        JsonNode amount = computed.get("columns").valueStream()
                .filter(column -> column.get("name").asString().equals("credit_amount")).findFirst().orElseThrow();
        assertThat(amount.get("min").asDouble()).isEqualTo(250.0);
        assertThat(amount.get("max").asDouble()).isEqualTo(18424.0);
        assertThat(amount.at("/histogram/counts").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(1000);
        assertThat(api.get(statistics).body().get("state").asString()).as("kept with the output").isEqualTo("ready");
    }

    private static JsonNode awaitStatistics(Api api, String path) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode answer = api.get(path).body();
        while (answer.get("state").asString().equals("computing") && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(500));
            answer = api.get(path).body();
        }
        return answer;
    }

    @Test
    @Order(3)
    void shouldFailARunAtOnceWhenItsDriverDiesOnTheCluster() throws IOException {
        Api api = clusterServer.api();
        // A driver JVM that cannot even start (1 MB of heap) dies on its worker without a word to the server:
        // spark-submit, waiting for the driver, ends with it, and the run must fail then, not at its timeout.
        String runId = runs.startRun(clusterServer,
                runs.createExperiment(api, Map.of("deployMode", "cluster", "driverMemory", "1m")));
        long start = System.nanoTime();
        JsonNode run = awaitRun(api, runId, Duration.ofMinutes(2), CreditScoringRuns::isFinal);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Run whose driver died: %s after %.1f s — %s%n", run.get("state").asString(), seconds,
                run.path("message").asString());
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("failed");
        assertThat(run.get("message").asString()).contains("saw its driver on the cluster end")
                .contains("without reporting the end of the run")
                .as("the submission log's last lines say what became of the driver").contains("is FAILED");
        assertThat(seconds).as("failed when the driver died, long before the run's timeout").isLessThan(90);
    }

    @Test
    @Order(5)
    void shouldFinishARunWhoseWorkerIsKilledMidway() throws IOException {
        Api api = clusterServer.api();
        String runId = runs.startRun(clusterServer, runs.createExperiment(api));
        long start = System.nanoTime();
        JsonNode running = awaitRun(api, runId, Duration.ofMinutes(2),
                r -> "running".equals(r.at("/nodes/gbdt/state").asString()) || CreditScoringRuns.isFinal(r));
        assertThat(running.get("state").asString()).as("the run ended before training started: " + running)
                .isEqualTo("running");
        // The data is one partition, so one executor does (nearly) all the work and holds the cached blocks:
        // that one must die, mid-task if possible, for the loss to matter.
        JsonNode busiest = busiestExecutor(running, Duration.ofSeconds(20));
        int worker = spark.workerOf(busiest.get("id").asString());
        int killed = spark.killWorker(worker);
        System.out.printf("Killed worker %d with executor %s (%d active, %d completed tasks), %d processes, "
                + "%.1f s into the run%n", worker, busiest.get("id").asString(), busiest.get("activeTasks").asInt(),
                busiest.get("completedTasks").asInt(), killed, (System.nanoTime() - start) / 1e9);
        assertThat(killed).as("the worker and the executor it ran").isGreaterThanOrEqualTo(2);

        JsonNode run = timed("the run after losing a worker", () -> awaitEnd(api, runId));
        String state = run.get("state").asString();
        System.out.println("Run after the worker was killed: " + state
                + (run.hasNonNull("message") ? " — " + run.get("message").asString() : ""));
        List<String> sparkSaw = Files.readAllLines(clusterServer.engineLog(runId)).stream()
                .filter(line -> line.contains("Lost executor") || line.contains("Lost task")).toList();
        sparkSaw.forEach(line -> System.out.println("  driver: " + line));
        assertThat(sparkSaw).as("the driver noticed its executor was lost").isNotEmpty();
        if (state.equals("succeeded")) {
            assertEveryNodeSucceeded(run);
        } else {
            assertThat(state).as(run.toString()).isEqualTo("failed");
            // The reason a user reads must say what happened, on the run or on the failed node.
            assertThat(run.toString()).containsIgnoringCase("executor");
        }
    }

    @Test
    @Order(4)
    void shouldStopTheDriverOnAWorkerWhenItsRunIsCancelled() {
        Api api = clusterServer.api();
        String runId = runs.startRun(clusterServer,
                runs.createExperiment(api, Map.of("deployMode", "cluster", "driverMemory", "512m")));
        JsonNode running = awaitRun(api, runId, Duration.ofMinutes(2),
                r -> "running".equals(r.at("/nodes/gbdt/state").asString()) || CreditScoringRuns.isFinal(r));
        assertThat(running.get("state").asString()).as("the run ended before training: " + running)
                .isEqualTo("running");
        assertThat(activeDrivers()).as("the driver runs on a worker").hasSize(1);

        // Stopping spark-submit leaves a standalone driver running; the driver stops itself when the server's
        // answer to its next report says the run is over.
        long cancelled = System.nanoTime();
        Api.Response cancel = api.post("/api/runs/" + runId + "/cancel", null);
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        long deadline = cancelled + Duration.ofSeconds(30).toNanos();
        while (!activeDrivers().isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - cancelled);
        System.out.printf("The cancelled run's driver left the cluster %.1f s after the cancel%n",
                took.toMillis() / 1e3);
        assertThat(activeDrivers()).as("drivers still running 30 s after the cancel").isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(api.get("/api/runs/" + runId).body().get("state").asString()).isEqualTo("cancelled");
    }

    private static List<JsonNode> activeDrivers() {
        return spark.masterStatus().path("activedrivers").valueStream()
                .filter(driver -> "RUNNING".equals(driver.path("state").asString())).toList();
    }

    /**
     * From the run's driver (its Spark UI's REST API): an executor running a task, as soon as one is seen within
     * {@code patience}; failing that, the executor that ran the most tasks.
     */
    private static JsonNode busiestExecutor(JsonNode run, Duration patience) {
        assertThat(run.hasNonNull("sparkUiUrl")).as("the running run shows its Spark UI: " + run).isTrue();
        String url = run.get("sparkUiUrl").asString() + "/api/v1/applications/" + run.get("sparkAppId").asString()
                + "/executors";
        Comparator<JsonNode> byWork = Comparator
                .comparingInt((JsonNode e) -> e.get("activeTasks").asInt())
                .thenComparingInt(e -> e.get("completedTasks").asInt());
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonNode executors;
            try {
                executors = StandaloneSparkCluster.getJson(url);
            } catch (UncheckedIOException slowDriver) {
                // On a loaded machine the driver's UI can miss the 5 s answer limit while it schedules tasks; only
                // a driver that stays silent for the whole patience fails the test.
                if (System.nanoTime() > deadline) {
                    throw slowDriver;
                }
                continue;
            }
            JsonNode busiest = executors.valueStream()
                    .filter(e -> !"driver".equals(e.get("id").asString()))
                    .max(byWork)
                    .orElseThrow(() -> new AssertionError("the driver lists no executors: " + executors));
            if (busiest.get("activeTasks").asInt() > 0 || System.nanoTime() > deadline) {
                return busiest;
            }
            sleep(Duration.ofMillis(100));
        }
    }
}
