package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.easel.components.ComponentRegistry;
import io.easel.engine.report.EngineJson;
import io.easel.engine.testing.TestComponents;
import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Incremental runs: every run fingerprints its nodes, and a node whose fingerprint matches outputs an earlier run of
 * any experiment stored in the same workspace reuses them instead of running; a node that runs again says why. All
 * runs here share one workspace; each test varies the experiment in its own way, so that tests do not reuse each
 * other's outputs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalRunTest {

    /** German credit read from a CSV file, a GBDT trained and evaluated, a seedless sample and a CSV sink. */
    private static final String EXPERIMENT = """
            {"formatVersion": 1, "nodes": [
              {"id": "data", "component": "read-csv", "params": {"path": "${dataDir}/%s"}},
              {"id": "convert", "component": "type-conversion",
               "params": {"columns": ["duration", "credit_amount", "age"], "targetType": "double"}},
              {"id": "split", "component": "random-split", "params": {"fraction": 0.85, "seed": 42}},
              {"id": "gbdt", "component": "gbdt-classifier",
               "params": {"labelColumn": "class", "maxIter": 4, "maxDepth": %d}},
              {"id": "predict", "component": "predict", "params": {}},
              {"id": "evaluate", "component": "binary-classification-evaluation",
               "params": {"labelColumn": "class", "threshold": %s}},
              {"id": "draw", "component": "unseeded-sample", "params": {}},
              {"id": "export", "component": "write-parquet",
               "params": {"path": "${dataDir}/out/%s", "mode": "overwrite"}}
            ], "edges": [
              {"from": {"node": "data", "port": "out"}, "to": {"node": "convert", "port": "in"}},
              {"from": {"node": "convert", "port": "out"}, "to": {"node": "split", "port": "in"}},
              {"from": {"node": "split", "port": "train"}, "to": {"node": "gbdt", "port": "in"}},
              {"from": {"node": "gbdt", "port": "model"}, "to": {"node": "predict", "port": "model"}},
              {"from": {"node": "split", "port": "test"}, "to": {"node": "predict", "port": "in"}},
              {"from": {"node": "predict", "port": "out"}, "to": {"node": "evaluate", "port": "in"}},
              {"from": {"node": "convert", "port": "out"}, "to": {"node": "draw", "port": "in"}},
              {"from": {"node": "predict", "port": "out"}, "to": {"node": "export", "port": "in"}}
            ]}""";
    /** Only what reads the file: the source, a conversion and the draw. */
    private static final String READING = """
            {"formatVersion": 1, "nodes": [
              {"id": "data", "component": "read-csv", "params": {"path": "${dataDir}/%s"}},
              {"id": "convert", "component": "type-conversion",
               "params": {"columns": ["duration", "credit_amount", "age"], "targetType": "double"}}
            ], "edges": [
              {"from": {"node": "data", "port": "out"}, "to": {"node": "convert", "port": "in"}}
            ]}""";
    private static final List<String> COMPUTING = List.of("data", "convert", "split", "gbdt", "predict", "evaluate");

    private static Path root;
    private static ComponentRegistry components;
    private static EngineRun first;

    @BeforeAll
    static void runOnce() throws IOException {
        Path runs = Files.createDirectories(Path.of("target", "test-runs").toAbsolutePath());
        root = Files.createTempDirectory(runs, "incremental-");
        components = TestComponents.withBuiltins(root.resolve("components"));
        copyCredit("credit.csv");
        first = run("first", experiment("credit.csv", 3, "0.5"));
        assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void shouldReuseEveryNodeButSinksAndSeedlessDrawsOnARerun() {
        EngineRun second = run("second", experiment("credit.csv", 3, "0.5"), "--previous-run", "first");

        assertThat(second.state()).isEqualTo(RunState.SUCCEEDED);
        for (String node : COMPUTING) {
            assertThat(second.lastStatus(node).orElseThrow()).as(node).satisfies(status -> {
                assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED);
                assertThat(status.reusedFrom()).isEqualTo("first");
                assertThat(status.rerunReason()).isNull();
            });
        }
        assertThat(second.lastStatus("export").orElseThrow()).satisfies(sink -> {
            assertThat(sink.reusedFrom()).isNull();
            assertThat(sink.rerunReason()).isEqualTo("never reused: a sink always runs");
        });
        assertThat(second.lastStatus("draw").orElseThrow().rerunReason())
                .isEqualTo("never reused: it is random and has no seed");
        assertThat(Files.exists(root.resolve("out/scored-credit.csv"))).isTrue();
        assertThat(second.states("export")).contains(NodeState.RUNNING);
        // The same outputs are reported, and the model is exported again: the first run's PMML, copied byte for
        // byte (its header's time included), with the parity check and training profile of the first export.
        assertThat(second.output("split", "train")).isEqualTo(first.output("split", "train"));
        assertThat(second.output("evaluate", "report")).isEqualTo(first.output("evaluate", "report"));
        assertThat(pmmlBytes(second)).isEqualTo(pmmlBytes(first));
        assertThat(second.exports()).extracting(RunEvent.ModelExported::nodeId).containsExactly("gbdt");
        RunEvent.ModelExported copied = second.exports().getFirst();
        RunEvent.ModelExported converted = first.exports().getFirst();
        assertThat(copied.uri()).isNotEqualTo(converted.uri());
        assertThat(copied.parity()).isEqualTo(converted.parity());
        assertThat(copied.parity().rowsCompared()).isPositive();
        assertThat(copied.profile()).isEqualTo(converted.profile());
        assertThat(copied.lineage().pmmlSha256()).isEqualTo(converted.lineage().pmmlSha256());
    }

    @Test
    void shouldPredictWithAReusedModelExactlyAsWithTheTrainedOne() {
        EngineRun forced = run("forced-predict", experiment("credit.csv", 3, "0.5"), "--previous-run", "first",
                "--force", "predict");

        assertThat(forced.lastStatus("gbdt").orElseThrow().reusedFrom()).isEqualTo("first");
        assertThat(forced.lastStatus("predict").orElseThrow()).satisfies(status -> {
            assertThat(status.reusedFrom()).isNull();
            assertThat(status.rerunReason()).isEqualTo("forced");
        });
        Dataset<Row> before = table(first.output("predict", "out").location());
        Dataset<Row> after = table(forced.output("predict", "out").location());
        assertThat(forced.output("predict", "out").location()).isNotEqualTo(first.output("predict", "out").location());
        assertThat(after.count()).isEqualTo(before.count()).isPositive();
        assertThat(after.exceptAll(before).count()).isZero();
        assertThat(before.exceptAll(after).count()).isZero();
        // Same fingerprint as the first run's: the evaluation downstream is reused.
        assertThat(forced.lastStatus("evaluate").orElseThrow().reusedFrom()).isEqualTo("first");
    }

    @Test
    void shouldRerunOnlyTheChangedNodeAndItsDescendantsSayingWhy() {
        EngineRun deeper = run("deeper", experiment("credit.csv", 5, "0.5"), "--previous-run", "first");

        assertThat(deeper.state()).isEqualTo(RunState.SUCCEEDED);
        for (String node : List.of("data", "convert", "split")) {
            assertThat(deeper.lastStatus(node).orElseThrow().reusedFrom()).as(node).isEqualTo("first");
        }
        assertThat(reason(deeper, "gbdt")).isEqualTo("param maxDepth changed (3 → 5)");
        assertThat(reason(deeper, "predict")).isEqualTo("upstream node gbdt changed");
        assertThat(reason(deeper, "evaluate")).isEqualTo("upstream node predict changed");
        assertThat(deeper.states("gbdt")).containsExactly(NodeState.QUEUED, NodeState.RUNNING, NodeState.SUCCEEDED);
        assertThat(deeper.lastStatus("gbdt").orElseThrow().reusedFrom()).isNull();

        EngineRun evaluatedOtherwise = run("threshold", experiment("credit.csv", 5, "0.4"), "--previous-run",
                "deeper");
        assertThat(evaluatedOtherwise.lastStatus("gbdt").orElseThrow().reusedFrom()).isEqualTo("deeper");
        assertThat(evaluatedOtherwise.lastStatus("predict").orElseThrow().reusedFrom()).isEqualTo("deeper");
        assertThat(reason(evaluatedOtherwise, "evaluate")).isEqualTo("param threshold changed (0.5 → 0.4)");
    }

    @Test
    void shouldReuseInACloneAndWhenADefaultIsWrittenOut() {
        // A clone is another experiment: no previous run to compare with, the same fingerprints.
        String withDefaultWrittenOut = experiment("credit.csv", 3, "0.5")
                .replace("\"maxIter\": 4,", "\"maxIter\": 4, \"stepSize\": 0.1,");
        EngineRun clone = run("clone", withDefaultWrittenOut);

        for (String node : COMPUTING) {
            assertThat(clone.lastStatus(node).orElseThrow().reusedFrom()).as(node).isEqualTo("first");
        }
        assertThat(clone.lastStatus("export").orElseThrow().rerunReason()).isNull();
    }

    @Test
    void shouldReuseOnlyWhatRunsOfTheSameScopeStored() {
        EngineRun elsewhere = run("elsewhere", READING.formatted("credit.csv"), "--cache-scope", "other-workspace");
        EngineRun here = run("here", READING.formatted("credit.csv"));

        assertThat(elsewhere.lastStatus("data").orElseThrow().reusedFrom()).isNull();
        assertThat(elsewhere.lastStatus("convert").orElseThrow().reusedFrom()).isNull();
        assertThat(here.lastStatus("data").orElseThrow().reusedFrom()).isEqualTo("first");
        assertThat(here.lastStatus("convert").orElseThrow().reusedFrom()).isEqualTo("first");
    }

    @Test
    void shouldRerunTheSourceAndDownstreamWhenTheInputFileChanges() throws IOException {
        Path file = copyCredit("touched.csv");
        EngineRun before = run("touch-1", READING.formatted("touched.csv"));
        assertThat(before.state()).isEqualTo(RunState.SUCCEEDED);
        EngineRun untouched = run("touch-2", READING.formatted("touched.csv"), "--previous-run", "touch-1");
        assertThat(untouched.lastStatus("data").orElseThrow().reusedFrom()).isEqualTo("touch-1");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));

        EngineRun after = run("touch-3", READING.formatted("touched.csv"), "--previous-run", "touch-2");

        assertThat(reason(after, "data")).isEqualTo("input file changed");
        assertThat(reason(after, "convert")).isEqualTo("upstream node data changed");
        assertThat(after.output("convert", "out").rowCount()).isEqualTo(before.output("convert", "out").rowCount());
    }

    @Test
    void shouldConvertAReusedModelAgainWhenTheEarlierPmmlIsGone() throws IOException {
        EngineRun trained = run("pmml-gone-1", experiment("credit.csv", 2, "0.5"));
        Path earlierPmml = trained.modelStore().resolve(trained.runId()).resolve("gbdt").resolve("model.pmml");
        String converted = pmml(trained);
        Files.delete(earlierPmml);

        EngineRun again = run("pmml-gone-2", experiment("credit.csv", 2, "0.6"), "--previous-run", "pmml-gone-1");

        assertThat(again.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(again.lastStatus("gbdt").orElseThrow().reusedFrom()).isEqualTo("pmml-gone-1");
        // Nothing to copy: the stored model was loaded and converted, to the same PMML but for its header's time.
        assertThat(pmml(again)).isEqualTo(converted);
        assertThat(pmmlBytes(again)).isNotEqualTo(converted.getBytes(StandardCharsets.UTF_8));
        assertThat(again.exports().getFirst().parity().rowsCompared()).isPositive();
    }

    /** Last: it spoils the first run's stored model (and running stores it again). */
    @Test
    @Order(Integer.MAX_VALUE)
    void shouldLoadAStoredModelOnlyWhenANodeThatRunsNeedsIt() throws IOException {
        EngineRun original = first;
        String gbdt = fingerprints(original).get("gbdt").get("hash").toString();
        Path entry = original.workspace().resolve("cache").resolve("default").resolve(gbdt);
        try (var files = Files.walk(entry.resolve("models"))) {
            files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("part-"))
                    .forEach(f -> write(f, "not parquet"));
        }

        // Only the evaluation changed: no node that ran needed the model, so its spoiled files were never read.
        EngineRun evaluatedOtherwise = run("unloaded", experiment("credit.csv", 3, "0.45"), "--previous-run",
                "first");
        assertThat(evaluatedOtherwise.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(evaluatedOtherwise.lastStatus("gbdt").orElseThrow().reusedFrom()).isEqualTo("first");
        assertThat(evaluatedOtherwise.lastStatus("predict").orElseThrow().reusedFrom()).isNotNull();
        assertThat(reason(evaluatedOtherwise, "evaluate")).isEqualTo("param threshold changed (0.5 → 0.45)");
        assertThat(pmmlBytes(evaluatedOtherwise)).isEqualTo(pmmlBytes(first));

        // A node that runs needs it: that node fails saying why, and the spoiled entry is dropped.
        EngineRun needing = run("needing", experiment("credit.csv", 3, "0.5"), "--previous-run", "first", "--force",
                "predict");
        assertThat(needing.state()).isEqualTo(RunState.FAILED);
        assertThat(needing.lastStatus("predict").orElseThrow()).satisfies(status -> {
            assertThat(status.state()).isEqualTo(NodeState.FAILED);
            assertThat(status.message()).startsWith("The model that run first trained and stored cannot be loaded. "
                    + "It is dropped from the stored outputs: run again and it is trained anew; caused by: ");
        });
        assertThat(entry).doesNotExist();

        EngineRun again = run("corrupted", experiment("credit.csv", 3, "0.5"), "--previous-run", "needing");

        assertThat(again.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(again.lastStatus("gbdt").orElseThrow()).satisfies(status -> {
            assertThat(status.reusedFrom()).isNull();
            assertThat(status.rerunReason()).isEqualTo("its earlier outputs are no longer stored");
        });
        assertThat(again.output("evaluate", "report")).isEqualTo(original.output("evaluate", "report"));
        assertThat(again.lastStatus("predict").orElseThrow().reusedFrom()).isNotNull();
        // Running stored the outputs again.
        EngineRun third = run("after-corruption", experiment("credit.csv", 3, "0.5"), "--previous-run", "corrupted");
        assertThat(third.lastStatus("gbdt").orElseThrow().reusedFrom()).isEqualTo("corrupted");
    }

    private static String experiment(String file, int maxDepth, String threshold) {
        return EXPERIMENT.formatted(file, maxDepth, threshold, "scored-" + file);
    }

    private static EngineRun run(String runId, String experiment, String... arguments) {
        return EngineRun.ofJson(experiment, runId, root, components, arguments);
    }

    private static String reason(EngineRun run, String node) {
        RunEvent.NodeStatusChanged status = run.lastStatus(node).orElseThrow();
        assertThat(status.state()).as(node).isEqualTo(NodeState.SUCCEEDED);
        assertThat(status.reusedFrom()).as(node).isNull();
        return status.rerunReason();
    }

    /** The PMML of a run's GBDT, but for the time in its header. */
    private static String pmml(EngineRun run) {
        return new String(pmmlBytes(run), StandardCharsets.UTF_8).replaceAll("<Timestamp>.*?</Timestamp>", "");
    }

    private static byte[] pmmlBytes(EngineRun run) {
        try {
            return Files.readAllBytes(run.modelStore().resolve(run.runId()).resolve("gbdt").resolve("model.pmml"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Dataset<Row> table(String location) {
        return SharedSpark.session().read().parquet(location);
    }

    private static Map<String, Map<String, Object>> fingerprints(EngineRun run) throws IOException {
        return EngineJson.mapper().readValue(run.runDirectory().resolve("fingerprints.json").toFile(),
                new TypeReference<>() {});
    }

    private static Path copyCredit(String name) throws IOException {
        try (InputStream in = IncrementalRunTest.class.getResourceAsStream(
                "/io/easel/components/datasets/credit_g.csv")) {
            Path file = root.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
