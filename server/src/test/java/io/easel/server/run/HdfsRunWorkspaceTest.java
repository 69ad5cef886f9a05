package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.Catalog;
import io.easel.run.DataRoots;
import io.easel.run.JdbcConnections;
import io.easel.run.RunState;
import io.easel.run.RunStatus;
import io.easel.run.WorkspaceLayout;
import io.easel.server.InProcessHdfs;
import io.easel.server.hadoop.HadoopAccess;
import io.easel.server.hadoop.KerberosProperties;
import io.easel.server.plugin.PluginJars;
import io.easel.server.settings.EaselProperties;
import io.easel.server.settings.WorkspaceDataRoots;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The run workspace on a real (in-process) HDFS, configured as {@code easel.engine.workspace=hdfs://…}: the server
 * writes the experiment snapshot a cluster-mode driver reads, and reads back the status.json an engine wrote there.
 */
class HdfsRunWorkspaceTest {

    static InProcessHdfs hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "hdfs-run-workspace")).toAbsolutePath();
        hdfs = InProcessHdfs.start(Files.createTempDirectory(base, "dfs"));
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    private RunWorkspace workspace(String uri) {
        EngineProperties engine = new EngineProperties(null, "local[*]", "client", "2g", null, null, null, null,
                null, null, null, null, uri, Duration.ofHours(2), Duration.ofSeconds(5), 2, null, null);
        return new RunWorkspace(new LaunchPlanner(new EaselProperties(Path.of("target"), null), engine,
                PluginJars.none(), new WorkspaceDataRoots(DataRoots.none(), Path.of("target/uploads")),
                id -> JdbcConnections.none(), () -> new Catalog(List.of()), new MockEnvironment()),
                new HadoopAccess(KerberosProperties.NONE, new Configuration()));
    }

    @Test
    void shouldReadTheStatusAnEngineWroteToAnHdfsWorkspace() throws Exception {
        String root = hdfs.uri() + "/easel/runs";
        RunWorkspace workspace = workspace(root);
        UUID runId = UUID.randomUUID();
        FileSystem fileSystem = hdfs.fileSystem();

        assertThat(workspace.status(runId)).isEmpty(); // not written yet: the engine writes it at the end

        String statusUri = root + "/" + runId + "/status.json";
        try (OutputStream out = fileSystem.create(new org.apache.hadoop.fs.Path(statusUri))) {
            out.write("""
                    {"runId": "%s",
                     "started": {"type": "run-started", "sparkAppId": "app-20260101-0007", "at": 1},
                     "finished": {"type": "run-finished", "state": "succeeded", "message": "All 1 nodes succeeded",
                                  "at": 3},
                     "nodes": [{"type": "node-status", "nodeId": "data", "state": "succeeded", "at": 2}],
                     "models": [{"type": "model-exported", "nodeId": "gbdt", "port": "model",
                                 "uri": "hdfs://x/models/m.pmml", "at": 3}]}
                    """.formatted(runId).getBytes(StandardCharsets.UTF_8));
        }

        RunStatus status = workspace.status(runId).orElseThrow();
        assertThat(status.tellsTheEnd()).isTrue();
        assertThat(status.finished().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(status.started().sparkAppId()).isEqualTo("app-20260101-0007");
        assertThat(status.nodes()).singleElement().satisfies(n -> assertThat(n.nodeId()).isEqualTo("data"));
        assertThat(status.models()).singleElement().satisfies(m -> assertThat(m.uri()).isEqualTo(
                "hdfs://x/models/m.pmml"));
    }

    @Test
    void shouldWriteTheExperimentSnapshotForAClusterDriverToTheHdfsWorkspace() throws Exception {
        RunWorkspace workspace = workspace(hdfs.uri() + "/easel/runs/");
        UUID runId = UUID.randomUUID();

        String uri = workspace.writeExperiment(runId, "{\"nodes\": []}".getBytes(StandardCharsets.UTF_8));

        assertThat(uri).isEqualTo(hdfs.uri() + "/easel/runs/" + runId + "/experiment.json");
        try (InputStream in = hdfs.fileSystem().open(new org.apache.hadoop.fs.Path(uri))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"nodes\": []}");
        }
    }

    @Test
    void shouldReadATableOutputFromTheHdfsWorkspaceAndNothingOutsideIt() throws Exception {
        String root = hdfs.uri() + "/easel/runs";
        RunWorkspace workspace = workspace(root);
        String output = root + "/" + UUID.randomUUID() + "/nodes/data/out";
        MessageType schema = MessageTypeParser.parseMessageType(
                "message spark_schema { optional binary name (STRING); optional double score; }");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(
                new org.apache.hadoop.fs.Path(output + "/part-00000.parquet"), hdfs.fileSystem().getConf()))
                .withType(schema).build()) {
            writer.write(rows.newGroup().append("name", "a").append("score", 0.5));
            writer.write(rows.newGroup().append("name", "b"));
        }

        TableFiles files = workspace.tableFiles(output);
        List<List<Object>> read = new ArrayList<>();
        files.scan(0, read::add);
        assertThat(files.rowCount()).isEqualTo(2);
        assertThat(read).containsExactly(Arrays.asList("a", 0.5), Arrays.asList("b", null));

        for (String elsewhere : List.of(hdfs.uri() + "/easel/other/nodes/data/out", root + "/../other/out",
                "file:/tmp/easel/runs/x/nodes/data/out")) {
            assertThatThrownBy(() -> workspace.tableFiles(elsewhere)).as(elsewhere)
                    .isInstanceOf(FileNotFoundException.class).hasMessageContaining("not in the run workspace");
        }
    }

    @Test
    void shouldTellWhyAStatisticsJobFailedOnceAndNothingOutsideTheWorkspace() throws Exception {
        String root = hdfs.uri() + "/easel/runs";
        RunWorkspace workspace = workspace(root);
        String output = root + "/" + UUID.randomUUID() + "/nodes/data/out";
        try (OutputStream out = hdfs.fileSystem().create(new org.apache.hadoop.fs.Path(
                WorkspaceLayout.statisticsFailure(output)))) {
            out.write("The driver ran out of memory\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(workspace.statistics(output)).isEmpty();
        assertThat(workspace.hasStatisticsFailure(output)).isTrue();
        assertThat(workspace.takeStatisticsFailure(output)).hasValue("The driver ran out of memory");
        assertThat(workspace.hasStatisticsFailure(output)).as("told once: asking again tries again").isFalse();
        assertThat(workspace.takeStatisticsFailure(output)).isEmpty();

        String elsewhere = hdfs.uri() + "/easel/other/nodes/data/out";
        assertThatThrownBy(() -> workspace.takeStatisticsFailure(elsewhere))
                .isInstanceOf(FileNotFoundException.class).hasMessageContaining("not in the run workspace");
    }
}
