package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.Catalog;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.run.DataRoots;
import io.easel.run.JdbcConnections.JdbcConnection;
import io.easel.run.JdbcConnections;
import io.easel.run.RunState;
import io.easel.server.catalog.CatalogService;
import io.easel.server.hadoop.KerberosProperties;
import io.easel.server.plugin.PluginJars;
import io.easel.server.settings.EaselProperties;
import io.easel.server.settings.StoredJson;
import io.easel.server.settings.WorkspaceDataRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LaunchPlannerTest {

    private static final WorkspaceDataRoots UPLOADS = new WorkspaceDataRoots(DataRoots.none(),
            Path.of("target/uploads"));

    private static LaunchPlanner planner(String master, String callbackUrl) {
        EngineProperties engine = new EngineProperties(null, master, "cluster", "2g", null, null, null, null, null,
                null, null, null, "hdfs://namenode:8020/easel/runs", Duration.ofHours(2), Duration.ofSeconds(5), 2,
                callbackUrl, null);
        return new LaunchPlanner(new EaselProperties(Path.of("target"), null), engine, PluginJars.none(),
                UPLOADS, id -> JdbcConnections.none(), () -> new Catalog(List.of()), new MockEnvironment());
    }

    private static RunView clusterRun(String master) {
        LaunchSettings settings = new LaunchSettings(master, "cluster", "2g", null, null, null, null, Map.of());
        return new RunView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), RunState.STARTING, null, null, null,
                null, null, Map.of(), settings);
    }

    @Test
    void shouldRefuseALoopbackCallbackForADriverOnAnotherMachine() {
        String master = "spark://spark-master.example:7077";
        assertThatThrownBy(() -> planner(master, "http://127.0.0.1:8080").plan(clusterRun(master), "token"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> planner("yarn", "http://localhost:8080").plan(clusterRun("yarn"), "token"))
                .hasMessageContaining("loopback");
    }

    @Test
    void shouldAcceptALoopbackCallbackWhenTheClusterRunsOnThisMachine() {
        String master = "spark://127.0.0.1:7077";
        EngineLaunch launch = planner(master, "http://127.0.0.1:8080/").plan(clusterRun(master), "token");
        assertThat(launch.callbackUrl()).isEqualTo("http://127.0.0.1:8080/api/engine/runs/" + launch.runId()
                + "/events");
        // The driver runs wherever the cluster puts it: it reads the experiment from the shared workspace.
        assertThat(launch.experiment()).isEqualTo("hdfs://namenode:8020/easel/runs/" + launch.runId()
                + "/experiment.json");
    }

    @Test
    void shouldPassTheTokenAsAnArgumentOnlyToADriverThatCannotInheritTheEnvironment() {
        String standalone = "spark://127.0.0.1:7077";
        EngineLaunch onStandalone = planner(standalone, "http://127.0.0.1:8080").plan(clusterRun(standalone), "s3cret");
        assertThat(onStandalone.engineArguments()).doesNotContain("--callback-token", "s3cret");
        assertThat(onStandalone.engineEnvironment()).containsEntry(EngineLaunch.TOKEN_VARIABLE, "s3cret");

        // On YARN and Kubernetes the driver starts far from spark-submit's environment: the cluster manager sets
        // the driver's environment from Spark settings, which Spark's UI redacts; never a program argument.
        EngineLaunch onYarn = planner("yarn", "http://easel.example:8080").plan(clusterRun("yarn"), "s3cret");
        assertThat(onYarn.engineArguments()).doesNotContain("--callback-token", "s3cret");
        assertThat(onYarn.secretSparkSettings())
                .containsExactly(Map.entry("spark.yarn.appMasterEnv." + EngineLaunch.TOKEN_VARIABLE, "s3cret"));
        String k8s = "k8s://https://k8s.example:6443";
        EngineLaunch onKubernetes = planner(k8s, "http://easel.example:8080").plan(clusterRun(k8s), "s3cret");
        assertThat(onKubernetes.engineArguments()).doesNotContain("--callback-token", "s3cret");
        assertThat(onKubernetes.secretSparkSettings())
                .containsExactly(Map.entry("spark.kubernetes.driverEnv." + EngineLaunch.TOKEN_VARIABLE, "s3cret"));
        assertThat(onStandalone.secretSparkSettings()).isEmpty();
    }

    @Test
    void shouldGiveTheEngineTheUploadsOfTheRunsOwnWorkspaceOnly() {
        String master = "spark://127.0.0.1:7077";
        RunView run = clusterRun(master);

        EngineLaunch launch = planner(master, "http://127.0.0.1:8080").plan(run, "token");

        String area = Path.of("target/uploads").toAbsolutePath().normalize().toString();
        assertThat(launch.engineArguments()).containsSubsequence("--uploads-area", "file://" + area,
                "--uploads-workspace", run.workspaceId().toString());
        assertThat(launch.dataRoots().resolve("{uploads}/x.csv").path())
                .isEqualTo(area + "/" + run.workspaceId() + "/x.csv");
    }

    @Test
    void shouldHandTheEngineOnlyTheConnectionsItsNodesName() throws Exception {
        JdbcConnections configured = new JdbcConnections(Map.of(
                "warehouse", new JdbcConnection("jdbc:postgresql://db.example/warehouse", "reader", "w-secret"),
                "crm", new JdbcConnection("jdbc:postgresql://db.example/crm", "crm", "c-secret")));
        EngineProperties engine = new EngineProperties(null, "local[2]", "client", "1g", null, null, null, null, null,
                null, null, null, null, Duration.ofHours(2), Duration.ofSeconds(5), 2, "http://127.0.0.1:8080", null);
        LaunchPlanner planner = new LaunchPlanner(new EaselProperties(Path.of("target"), null), engine,
                PluginJars.none(), UPLOADS, id -> configured, new CatalogService()::catalog, new MockEnvironment());

        RunView reading = localRun();
        writeSnapshot(planner, reading, Node.of("orders", "read-jdbc", Map.of("connection", " warehouse ",
                "table", "orders")));
        String handed = planner.plan(reading, "token").engineEnvironment().get(JdbcConnections.ENVIRONMENT_VARIABLE);
        assertThat(StoredJson.MAPPER.readValue(handed, JdbcConnections.class).names()).containsExactly("warehouse");
        assertThat(handed).contains("w-secret").doesNotContain("crm", "c-secret");

        RunView notReading = localRun();
        writeSnapshot(planner, notReading, Node.of("data", "sample-dataset", Map.of("dataset", "iris")));
        assertThat(planner.plan(notReading, "token").engineEnvironment())
                .doesNotContainKey(JdbcConnections.ENVIRONMENT_VARIABLE);
    }

    @Test
    void shouldHandSparkTheServersPrincipalAndKeytabOutsideTheRecordedSettings() throws Exception {
        Path keytab = Files.createTempFile(Files.createDirectories(Path.of("target")), "easel", ".keytab");
        KerberosProperties kerberos = new KerberosProperties("easel/gateway@EXAMPLE.COM", keytab);
        EngineProperties engine = new EngineProperties(null, "yarn", "client", "1g", null, null, null, null, null,
                null, null, null, null, Duration.ofHours(2), Duration.ofSeconds(5), 2, "http://127.0.0.1:8080", null);
        LaunchPlanner secured = new LaunchPlanner(new EaselProperties(Path.of("target"), null), engine,
                PluginJars.none(), UPLOADS, id -> JdbcConnections.none(), () -> new Catalog(List.of()),
                new MockEnvironment(), kerberos);
        RunView run = runOn("yarn", Map.of());

        EngineLaunch launch = secured.plan(run, "token");
        assertThat(launch.secretSparkSettings()).containsOnly(
                Map.entry("spark.kerberos.principal", "easel/gateway@EXAMPLE.COM"),
                Map.entry("spark.kerberos.keytab", keytab.toAbsolutePath().normalize().toString()));
        assertThat(launch.settings().sparkSettings()).doesNotContainKeys("spark.kerberos.principal",
                "spark.kerberos.keytab");

        // Without Kerberos settings, Spark gets none; an administrator's own choice of identity is kept.
        LaunchPlanner unsecured = new LaunchPlanner(new EaselProperties(Path.of("target"), null), engine,
                PluginJars.none(), UPLOADS, id -> JdbcConnections.none(), () -> new Catalog(List.of()),
                new MockEnvironment());
        assertThat(unsecured.plan(run, "token").secretSparkSettings()).isEmpty();
        RunView chosen = runOn("yarn", Map.of("spark.kerberos.principal", "spark@EXAMPLE.COM"));
        assertThat(secured.plan(chosen, "token").secretSparkSettings()).isEmpty();
        // Spark does not support Kerberos on a standalone master.
        assertThat(secured.plan(runOn("spark://127.0.0.1:7077", Map.of()), "token").secretSparkSettings())
                .isEmpty();
    }

    private static RunView runOn(String master, Map<String, String> conf) {
        LaunchSettings settings = new LaunchSettings(master, "client", "1g", null, null, null, null, conf);
        return new RunView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), RunState.STARTING, null, null, null,
                null, null, Map.of(), settings);
    }

    private static RunView localRun() {
        LaunchSettings settings = new LaunchSettings("local[2]", "client", "1g", null, null, null, null, Map.of());
        return new RunView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), RunState.STARTING, null, null, null,
                null, null, Map.of(), settings);
    }

    private static void writeSnapshot(LaunchPlanner planner, RunView run, Node node) throws Exception {
        Path file = planner.experimentFile(run.id());
        Files.createDirectories(file.getParent());
        Files.write(file, StoredJson.MAPPER.writeValueAsBytes(new ExperimentGraph(1, List.of(node), List.of())));
    }
}
