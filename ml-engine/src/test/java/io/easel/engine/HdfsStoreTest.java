package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.engine.report.EngineJson;
import io.easel.engine.report.RunStatus;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose experiment, workspace and model store are all on HDFS (a real one, in-process): everything goes
 * through Hadoop's FileSystem API, so hdfs:// works as file:// does.
 */
class HdfsStoreTest {

    @Test
    void shouldReadTheExperimentAndWriteTablesEventsAndModelsOnHdfs(@TempDir Path dir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            cluster.waitActive();
            URI hdfs = cluster.getURI();
            FileSystem fs = cluster.getFileSystem();
            org.apache.hadoop.fs.Path experiment = new org.apache.hadoop.fs.Path("/easel/experiments/small.json");
            try (OutputStream out = fs.create(experiment)) {
                out.write(EngineRun.resource("experiments/small-model.json").getBytes(StandardCharsets.UTF_8));
            }
            EngineArguments arguments = EngineArguments.parse(new String[] {
                "--experiment", hdfs + "/easel/experiments/small.json",
                "--run-id", "hdfs-1",
                "--workspace", hdfs + "/easel/runs",
                "--model-store", hdfs + "/easel/models"}, Map.of());

            RunState state = Engine.withBuiltins(SharedSpark.session()).run(arguments);

            assertThat(state).isEqualTo(RunState.SUCCEEDED);
            var json = EngineJson.mapper();
            RunStatus status;
            try (InputStream in = fs.open(new org.apache.hadoop.fs.Path("/easel/runs/hdfs-1/status.json"))) {
                status = json.readValue(in, RunStatus.class);
            }
            assertThat(status.finished().state()).isEqualTo(RunState.SUCCEEDED);
            List<String> lines;
            try (var in = fs.open(new org.apache.hadoop.fs.Path("/easel/runs/hdfs-1/events.jsonl"))) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            assertThat(json.readValue(lines.getLast(), RunEvent.class)).isEqualTo(status.finished());
            assertThat(fs.exists(new org.apache.hadoop.fs.Path("/easel/runs/hdfs-1/nodes/data/out/_SUCCESS")))
                    .isTrue();
            assertThat(fs.exists(new org.apache.hadoop.fs.Path("/easel/models/hdfs-1/gbdt/model.pmml"))).isTrue();
            assertThat(fs.exists(new org.apache.hadoop.fs.Path("/easel/models/hdfs-1/gbdt/model.json"))).isTrue();
            RunEvent.ModelExported exported = status.models().getFirst();
            assertThat(exported.uri()).isEqualTo(hdfs + "/easel/models/hdfs-1/gbdt/model.pmml");
            assertThat(exported.inputs()).hasSize(20);
        } finally {
            cluster.shutdown();
        }
    }
}
