package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.TableSpec;
import io.easel.components.builtin.source.SampleDataset;
import io.easel.engine.report.EngineJson;
import io.easel.run.RunStatus;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs whose data, experiment, workspace and model store are on HDFS (a real one, in-process, shared by the tests
 * here): everything goes through Hadoop's FileSystem API, so hdfs:// works as file:// does.
 */
class HdfsStoreTest {

    @TempDir
    static Path dir;

    private static MiniDFSCluster cluster;
    private static URI hdfs;
    private static FileSystem fs;

    @BeforeAll
    static void startHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getURI();
        fs = cluster.getFileSystem();
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void shouldReadTheExperimentAndWriteTablesEventsAndModelsOnHdfs() throws Exception {
        write("/easel/experiments/small.json", EngineRun.resource("experiments/small-model.json"));

        RunState state = run("/easel/experiments/small.json", "hdfs-1");

        assertThat(state).isEqualTo(RunState.SUCCEEDED);
        var json = EngineJson.mapper();
        RunStatus status;
        try (InputStream in = fs.open(new org.apache.hadoop.fs.Path("/easel/runs/hdfs-1/status.json"))) {
            status = json.readValue(in, RunStatus.class);
        }
        assertThat(status.finished().state()).isEqualTo(RunState.SUCCEEDED);
        List<String> lines = read("/easel/runs/hdfs-1/events.jsonl").lines().toList();
        assertThat(json.readValue(lines.getLast(), RunEvent.class)).isEqualTo(status.finished());
        // Where the table is: this run's directory, or that of an earlier run whose output it reused.
        String table = output(readEvents("hdfs-1"), "data").location();
        assertThat(table).startsWith(hdfs + "/easel/runs/").endsWith("/nodes/data/out");
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(table + "/_SUCCESS"))).isTrue();
        assertThat(fs.exists(new org.apache.hadoop.fs.Path("/easel/models/hdfs-1/gbdt/model.pmml"))).isTrue();
        assertThat(fs.exists(new org.apache.hadoop.fs.Path("/easel/models/hdfs-1/gbdt/model.json"))).isTrue();
        RunEvent.ModelExported exported = status.models().getFirst();
        assertThat(exported.uri()).isEqualTo(hdfs + "/easel/models/hdfs-1/gbdt/model.pmml");
        assertThat(exported.inputs()).hasSize(20);

        // The outputs were stored in the workspace cache on HDFS: a second run reuses them, and exports the model again.
        assertThat(run("/easel/experiments/small.json", "hdfs-2")).isEqualTo(RunState.SUCCEEDED);
        List<RunEvent> again = readEvents("hdfs-2");
        List<RunEvent.NodeStatusChanged> succeeded = again.stream()
                .filter(e -> e instanceof RunEvent.NodeStatusChanged s && s.state() == NodeState.SUCCEEDED)
                .map(RunEvent.NodeStatusChanged.class::cast).toList();
        assertThat(succeeded).extracting(RunEvent.NodeStatusChanged::nodeId).containsExactlyInAnyOrder("data", "gbdt");
        assertThat(succeeded).allSatisfy(node -> assertThat(node.reusedFrom()).isNotNull());
        assertThat(succeeded).filteredOn(node -> node.nodeId().equals("gbdt"))
                .extracting(RunEvent.NodeStatusChanged::reusedFrom).containsExactly("hdfs-1");
        assertThat(fs.exists(new org.apache.hadoop.fs.Path("/easel/models/hdfs-2/gbdt/model.pmml"))).isTrue();
    }

    @Test
    void shouldReadParquetAndJsonLinesFromHdfs() throws Exception {
        // credit_g onto HDFS: as Parquet by an engine run (its table outputs are Parquet), then as JSON Lines
        write("/easel/experiments/credit-source.json", """
                {"formatVersion": 1,
                 "nodes": [{"id": "data", "component": "sample-dataset", "params": {"dataset": "credit_g"}}],
                 "edges": []}
                """);
        assertThat(run("/easel/experiments/credit-source.json", "source-1")).isEqualTo(RunState.SUCCEEDED);
        String parquet = output(readEvents("source-1"), "data").location(); // maybe an earlier run's, reused
        SharedSpark.session().read().parquet(parquet).coalesce(1).write().json(hdfs + "/easel/data/credit.jsonl");

        write("/easel/experiments/read-hdfs.json", """
                {"formatVersion": 1,
                 "nodes": [
                   {"id": "parquet", "component": "read-parquet", "params": {"path": "%s"}},
                   {"id": "json", "component": "read-json-lines",
                    "params": {"path": "%s", "schema": "class:string,age:integer,purpose:string"}}],
                 "edges": []}
                """.formatted(parquet, hdfs + "/easel/data/credit.jsonl"));
        RunState state = run("/easel/experiments/read-hdfs.json", "read-1");

        assertThat(state).isEqualTo(RunState.SUCCEEDED);
        List<RunEvent> events = readEvents("read-1");
        PortResult fromParquet = output(events, "parquet");
        assertThat(fromParquet.rowCount()).isEqualTo(1000);
        assertThat(fromParquet.spec()).isEqualTo(SampleDataset.spec("credit_g"));
        PortResult fromJson = output(events, "json");
        assertThat(fromJson.rowCount()).isEqualTo(1000);
        assertThat(fromJson.spec()).isEqualTo(TableSpec.parse("class:string,age:integer,purpose:string"));
        assertThat(events).filteredOn(e -> e instanceof RunEvent.NodeStatusChanged s
                && s.state() == NodeState.SUCCEEDED).hasSize(2);
    }

    private static RunState run(String experiment, String runId) {
        EngineArguments arguments = EngineArguments.parse(new String[] {
            "--experiment", hdfs + experiment,
            "--run-id", runId,
            "--workspace", hdfs + "/easel/runs",
            "--model-store", hdfs + "/easel/models",
            "--data-root", hdfs + "/easel"}, Map.of());
        return Engine.withBuiltins(SharedSpark.session()).run(arguments);
    }

    private static List<RunEvent> readEvents(String runId) throws IOException {
        var json = EngineJson.mapper();
        List<RunEvent> events = new ArrayList<>();
        for (String line : read("/easel/runs/" + runId + "/events.jsonl").lines().toList()) {
            events.add(json.readValue(line, RunEvent.class));
        }
        return events;
    }

    private static PortResult output(List<RunEvent> events, String nodeId) {
        return events.stream().filter(e -> e instanceof RunEvent.NodeOutput o && o.nodeId().equals(nodeId))
                .map(e -> ((RunEvent.NodeOutput) e).result()).findFirst()
                .orElseThrow(() -> new AssertionError("no output of " + nodeId + ": " + events));
    }

    private static void write(String path, String text) throws IOException {
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String read(String path) throws IOException {
        try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
