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
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
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
 * Easel on YARN, the cluster manager of most Hadoop shops, on real things the test starts in its own JVM: an HDFS
 * and a YARN (ResourceManager with its web proxy, one NodeManager starting the application masters and executors as
 * child JVMs). The server submits through Spark's launcher and YARN client, with the settings docs/deployment.md
 * gives; the credit-scoring experiment reads its CSV from HDFS and keeps its workspace and model there. A run must
 * give the same AUC with its driver beside the server (client deploy mode) and inside YARN's application master
 * (cluster deploy mode), end as SUCCEEDED in YARN, keep the driver's log with the run, deploy and score as Spark
 * did, show its Spark UI through the ResourceManager's proxy, and, cancelled, be KILLED in YARN within 10 s. A
 * driver that dies in its application master fails the run with YARN's reason and leaves that container's log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnCreditScoringIT {

    private static final Duration KILL_LIMIT = Duration.ofSeconds(10);
    /** What a JVM started with {@code -Xmx1m} says before it exits. */
    private static final String DEAD_JVM = "Too small maximum heap";

    private static final List<AutoCloseable> started = new ArrayList<>();
    private static InProcessHdfs hdfs;
    private static InProcessYarn yarn;
    private static EaselServer server;
    private static CreditScoringRuns runs;
    /** The AUC of the client-mode run, which the cluster-mode run of the same experiment must give. */
    private static double clientModeAuc = Double.NaN;

    @RegisterExtension
    static final TestWatcher PRINT_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (runs != null) {
                runs.engineLogs().forEach((run, log) -> System.err.println("---- engine log of run " + run + " ("
                        + log + ") ----\n" + StandaloneSparkCluster.tail(log, 80)));
            }
        }
    };

    @BeforeAll
    static void startHdfsYarnAndServer() throws IOException {
        String confDir = System.getenv("HADOOP_CONF_DIR");
        assertThat(confDir).as("the build sets HADOOP_CONF_DIR for the integration tests (server/pom.xml)")
                .isNotBlank();
        Path scratch = Files.createTempDirectory(Files.createDirectories(Path.of("target", "yarn-it")
                .toAbsolutePath()), "run");
        hdfs = timed("in-process HDFS", () -> InProcessHdfs.start(scratch.resolve("dfs")));
        started.add(hdfs);
        runs = new CreditScoringRuns(hdfs.upload(CreditScoringRuns.CREDIT_CSV, "/data/credit_g.csv"));
        yarn = timed("in-process YARN", () -> InProcessYarn.start(hdfs.uri(), scratch, Path.of(confDir)));
        started.add(yarn);

        SparkHome home = SparkHome.locate();
        Map<String, String> settings = new LinkedHashMap<>(CreditScoringRuns.QUIET_HADOOP);
        // A known port, so that a driver inside YARN (cluster deploy mode) can be told where to report: this
        // machine's name, as a cluster node would reach the server (a loopback address is refused for cluster mode).
        int port = StandaloneSparkCluster.freePort();
        settings.put("server.port", Integer.toString(port));
        settings.put("easel.engine.callback-url", "http://" + InetAddress.getLocalHost().getHostName() + ":" + port);
        settings.put("easel.engine.master", "yarn");
        settings.put("easel.engine.spark-home", home.path().toString());
        settings.put("easel.engine.workspace", hdfs.uri() + "/easel/runs");
        settings.put("easel.model-store", hdfs.uri() + "/easel/models");
        settings.put("easel.data.roots", hdfs.uri() + "/data");
        settings.put("easel.engine.driver-memory", "768m");
        settings.put("easel.engine.executor-memory", "512m");
        settings.put("easel.engine.executor-cores", "1");
        settings.put("easel.engine.num-executors", "1");
        // Spark is installed on every node (here: the one machine), so nothing of it is uploaded per run; only the
        // engine's application jar is staged on HDFS.
        settings.put("easel.engine.spark-conf[spark.yarn.jars]", "local:" + home.jars() + "/*");
        settings.put("easel.engine.spark-conf[spark.yarn.am.memory]", "256m");
        settings.put("easel.engine.timeout", "6m");
        System.out.println("YARN server settings: " + settings);
        server = timed("server for YARN", () -> EaselServer.start(settings));
        started.add(server);
    }

    @AfterAll
    static void stopEverything() {
        // In reverse: the server stops its engines before YARN and HDFS go away.
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
    void shouldTrainOnYarnWithTheDriverBesideTheServerThenDeployAndScore() {
        Api api = server.api();
        String experimentId = runs.createExperiment(api);
        String runId = runs.startRun(server, experimentId);
        JsonNode run = timed("credit scoring on YARN, client deploy mode", () -> awaitEnd(api, runId));

        assertEveryNodeSucceeded(run);
        String applicationId = run.get("sparkAppId").asString();
        assertThat(applicationId).startsWith("application_");
        assertThat(awaitEndInYarn(applicationId).getFinalApplicationStatus())
                .isEqualTo(FinalApplicationStatus.SUCCEEDED);
        assertThat(hdfs.exists(hdfs.uri() + "/easel/runs/" + runId + "/status.json")).isTrue();

        String pmml = deployAndScoreAsSparkDid(api, experimentId, runId, "credit-yarn");
        assertThat(pmml).isEqualTo(hdfs.uri() + "/easel/models/" + runId + "/gbdt/model.pmml");
        clientModeAuc = auc(api, runId);
        assertThat(clientModeAuc).isGreaterThan(0.7);
    }

    @Test
    @Order(2)
    void shouldRunTheDriverInsideYarnInClusterDeployModeWithTheSameResult() {
        Api api = server.api();
        String experimentId = runs.createExperiment(api, Map.of("deployMode", "cluster", "driverMemory", "512m"));
        String runId = runs.startRun(server, experimentId);
        JsonNode run = timed("credit scoring on YARN, cluster deploy mode", () -> awaitEnd(api, runId));

        assertEveryNodeSucceeded(run);
        assertThat(run.at("/settings/deployMode").asString()).isEqualTo("cluster");
        // The driver returned from main inside the application master: YARN records a success, not a failed attempt.
        ApplicationReport report = awaitEndInYarn(run.get("sparkAppId").asString());
        assertThat(report.getFinalApplicationStatus()).as(report.getDiagnostics())
                .isEqualTo(FinalApplicationStatus.SUCCEEDED);
        assertThat(Double.isNaN(clientModeAuc)).as("the client-mode run ran first").isFalse();
        // Same file, same seeds, one partition: the same AUC to the last digits, wherever the driver ran.
        assertThat(auc(api, runId)).isCloseTo(clientModeAuc, within(1e-9));
        // The driver inside YARN kept its log with the run (on HDFS): the log panel reads it as it reads a local one.
        Api.Response trainingLog = api.get("/api/runs/" + runId + "/nodes/gbdt/log");
        assertThat(trainingLog.status()).isEqualTo(200);
        assertThat(trainingLog.text()).as("the driver's lines while it trained the GBDT").contains("[gbdt]");
    }

    @Test
    @Order(3)
    void shouldShowTheSparkUiThroughTheProxyAndKillTheApplicationOnCancel() throws Exception {
        Api api = server.api();
        String runId = runs.startRun(server, runs.createExperiment(api));
        JsonNode running = awaitRun(api, runId, Duration.ofMinutes(3),
                r -> "running".equals(r.at("/nodes/gbdt/state").asString()) || CreditScoringRuns.isFinal(r));
        assertThat(running.get("state").asString()).as("the run ended before training: " + running)
                .isEqualTo("running");
        String applicationId = running.get("sparkAppId").asString();

        // The link the run shows leads, through the ResourceManager's proxy, to the driver's Spark UI.
        String link = running.get("sparkUiUrl").asString();
        assertThat(link).contains("/proxy/" + applicationId);
        HttpResponse<String> page = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Spark Jobs");

        long cancelled = System.nanoTime();
        Api.Response cancel = api.post("/api/runs/" + runId + "/cancel", null);
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        ApplicationReport report = awaitEndInYarn(applicationId);
        Duration took = Duration.ofNanos(System.nanoTime() - cancelled);
        System.out.printf("YARN application %s %s %.1f s after the cancel%n", applicationId,
                report.getYarnApplicationState(), took.toMillis() / 1e3);
        assertThat(report.getYarnApplicationState()).isEqualTo(YarnApplicationState.KILLED);
        assertThat(took).isLessThan(KILL_LIMIT);
        assertThat(api.get("/api/runs/" + runId).body().get("state").asString()).isEqualTo("cancelled");
    }

    @Test
    @Order(4)
    void shouldFailARunWhoseDriverDiesInTheApplicationMasterAndKeepThatContainersLog() {
        Api api = server.api();
        // A heap no JVM starts with: YARN starts the application master's container, whose JVM refuses at once,
        // before the driver can start the run's log or report anything.
        String runId = runs.startRun(server, runs.createExperiment(api,
                Map.of("deployMode", "cluster", "driverMemory", "1m")));
        JsonNode run = timed("a driver dying in its application master", () -> awaitEnd(api, runId));

        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("failed");
        String applicationId = run.get("sparkAppId").asString();
        assertThat(awaitEndInYarn(applicationId).getFinalApplicationStatus())
                .isEqualTo(FinalApplicationStatus.FAILED);
        // The reason is YARN's, naming what the JVM said.
        assertThat(run.get("message").asString()).contains("YARN says of " + applicationId)
                .contains(DEAD_JVM);
        // The log panel shows the master container's own output, copied from YARN once it aggregated it.
        String log = awaitLogHolding(api, runId, DEAD_JVM);
        assertThat(log).contains("application master (container container_").contains(DEAD_JVM);
        assertThat(log).as("the container's environment (the callback token) stays out of the run's log")
                .doesNotContain("launch_container.sh").doesNotContain("EASEL_CALLBACK_TOKEN");
    }

    /** The run's whole log once it holds {@code text}, or as it is after the time YARN may take to aggregate it. */
    private static String awaitLogHolding(Api api, String runId, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String log = api.get("/api/runs/" + runId + "/log").text();
        while (!log.contains(text) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(500));
            log = api.get("/api/runs/" + runId + "/log").text();
        }
        return log;
    }

    /** The application's report once it has ended in YARN (an application unregisters shortly after its driver). */
    private static ApplicationReport awaitEndInYarn(String applicationId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ApplicationReport report = yarn.report(applicationId);
        while (!InProcessYarn.ENDED.contains(report.getYarnApplicationState()) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
            report = yarn.report(applicationId);
        }
        assertThat(InProcessYarn.ENDED).as("%s did not end: %s", applicationId, report.getYarnApplicationState())
                .contains(report.getYarnApplicationState());
        return report;
    }
}
