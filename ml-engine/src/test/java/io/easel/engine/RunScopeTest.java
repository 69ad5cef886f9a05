package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.ComponentRegistry;
import io.easel.engine.testing.TestComponents;
import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Run scope (run from here, run to here, run one node) and the size limit of the cache, on real runs: German credit
 * read from a file, converted, split, a GBDT trained, applied and evaluated, and summary statistics on a side branch.
 * A first run of everything stores every output; each test then varies the experiment its own way.
 */
class RunScopeTest {

    private static final String EXPERIMENT = """
            {"formatVersion": 1, "nodes": [
              {"id": "data", "component": "read-csv", "params": {"path": "${dataDir}/credit.csv"}},
              {"id": "convert", "component": "type-conversion",
               "params": {"columns": ["duration", "credit_amount", "age"], "targetType": "double"}},
              {"id": "split", "component": "random-split", "params": {"fraction": %s, "seed": 42}},
              {"id": "gbdt", "component": "gbdt-classifier",
               "params": {"labelColumn": "class", "maxIter": 3, "maxDepth": %d}},
              {"id": "predict", "component": "predict", "params": {}},
              {"id": "evaluate", "component": "binary-classification-evaluation",
               "params": {"labelColumn": "class", "threshold": %s}},
              {"id": "stats", "component": "summary-statistics", "params": {}}
            ], "edges": [
              {"from": {"node": "data", "port": "out"}, "to": {"node": "convert", "port": "in"}},
              {"from": {"node": "convert", "port": "out"}, "to": {"node": "split", "port": "in"}},
              {"from": {"node": "split", "port": "train"}, "to": {"node": "gbdt", "port": "in"}},
              {"from": {"node": "gbdt", "port": "model"}, "to": {"node": "predict", "port": "model"}},
              {"from": {"node": "split", "port": "test"}, "to": {"node": "predict", "port": "in"}},
              {"from": {"node": "predict", "port": "out"}, "to": {"node": "evaluate", "port": "in"}},
              {"from": {"node": "convert", "port": "out"}, "to": {"node": "stats", "port": "in"}}
            ]}""";
    /** The source and one conversion, of the columns given. */
    private static final String CONVERSION = """
            {"formatVersion": 1, "nodes": [
              {"id": "data", "component": "read-csv", "params": {"path": "${dataDir}/credit.csv"}},
              {"id": "convert", "component": "type-conversion",
               "params": {"columns": [%s], "targetType": "double"}}
            ], "edges": [
              {"from": {"node": "data", "port": "out"}, "to": {"node": "convert", "port": "in"}}
            ]}""";

    private static ComponentRegistry components;
    private static Path root;
    private static EngineRun first;

    @BeforeAll
    static void runEverythingOnce() throws IOException {
        Path runs = Files.createDirectories(Path.of("target", "test-runs").toAbsolutePath());
        root = Files.createTempDirectory(runs, "scope-");
        components = TestComponents.withBuiltins(root.resolve("components"));
        copyCredit(root);
        first = run(root, "first", experiment("0.85", 3, "0.5"));
        assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void shouldRunFromHereTheNodeAndWhatIsDownstreamOnTheStoredOutputsUpstream() {
        EngineRun from = run(root, "from-gbdt", experiment("0.85", 4, "0.5"), "--previous-run", "first",
                "--scope", "from", "--scope-node", "gbdt");

        assertThat(from.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(from.status().finished().message()).isEqualTo("The run from 'gbdt' succeeded: 3 of 7 nodes in it");
        for (String input : List.of("data", "convert", "split")) {
            assertThat(from.lastStatus(input).orElseThrow()).as(input).satisfies(status -> {
                assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED);
                assertThat(status.reusedFrom()).isEqualTo("first");
            });
        }
        assertThat(ran(from, "gbdt")).isEqualTo("forced");
        assertThat(ran(from, "predict")).isEqualTo("upstream node gbdt changed");
        assertThat(ran(from, "evaluate")).isEqualTo("upstream node predict changed");
        assertThat(from.states("stats")).containsExactly(NodeState.NOT_IN_RUN);
        assertThat(from.output("evaluate", "report").metrics()).containsKey("auc");
    }

    @Test
    void shouldRunToHereTheNodeAndWhatItNeedsAndNothingElse() {
        EngineRun to = run(root, "to-split", experiment("0.8", 3, "0.5"), "--previous-run", "first",
                "--scope", "to", "--scope-node", "split");

        assertThat(to.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(to.lastStatus("data").orElseThrow().reusedFrom()).isEqualTo("first");
        assertThat(to.lastStatus("convert").orElseThrow().reusedFrom()).isEqualTo("first");
        assertThat(ran(to, "split")).isEqualTo("param fraction changed (0.85 → 0.8)");
        for (String outside : List.of("gbdt", "predict", "evaluate", "stats")) {
            assertThat(to.states(outside)).as(outside).containsExactly(NodeState.NOT_IN_RUN);
        }
        assertThat(to.output("split", "train").rowCount()).isNotEqualTo(first.output("split", "train").rowCount());
    }

    @Test
    void shouldRunOneNodeOnTheStoredOutputsOfItsInputs() {
        EngineRun only = run(root, "only-predict", experiment("0.85", 3, "0.5"), "--previous-run", "first",
                "--scope", "only", "--scope-node", "predict");

        assertThat(only.state()).isEqualTo(RunState.SUCCEEDED);
        for (String input : List.of("data", "convert", "split", "gbdt")) {
            assertThat(only.lastStatus(input).orElseThrow().reusedFrom()).as(input).isEqualTo("first");
        }
        assertThat(ran(only, "predict")).isEqualTo("forced");
        assertThat(only.output("predict", "out").location()).isNotEqualTo(first.output("predict", "out").location());
        assertThat(only.output("predict", "out").rowCount()).isEqualTo(first.output("predict", "out").rowCount());
        assertThat(only.states("evaluate")).containsExactly(NodeState.NOT_IN_RUN);
        assertThat(only.states("stats")).containsExactly(NodeState.NOT_IN_RUN);
    }

    @Test
    void shouldRefuseToRunOneNodeWhoseInputHasNoStoredOutputsSayingWhatToDo() {
        EngineRun refused = run(root, "only-refused", experiment("0.85", 6, "0.5"), "--previous-run", "first",
                "--scope", "only", "--scope-node", "predict");

        assertThat(refused.state()).isEqualTo(RunState.FAILED);
        RunEvent.NodeStatusChanged gbdt = refused.lastStatus("gbdt").orElseThrow();
        assertThat(gbdt.state()).isEqualTo(NodeState.NOT_IN_RUN);
        assertThat(gbdt.message()).isEqualTo("No stored outputs for its current settings: param maxDepth changed "
                + "(3 → 6)");
        RunEvent.NodeStatusChanged predict = refused.lastStatus("predict").orElseThrow();
        assertThat(predict.state()).isEqualTo(NodeState.FAILED);
        assertThat(predict.message()).isEqualTo("Not run: its input comes from node 'gbdt', which is not in this "
                + "run of 'predict' alone and has no stored outputs for its current settings (param maxDepth changed "
                + "(3 → 6)). Run to here on 'gbdt' first, or run all");
        assertThat(refused.states("predict")).doesNotContain(NodeState.RUNNING);
        assertThat(refused.status().finished().message()).startsWith("Node 'predict' failed: Not run: its input");
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedEntriesBeyondTheLimitAndComputeThemAgainLater() throws Exception {
        Path own = Files.createTempDirectory(root.getParent(), "eviction-");
        copyCredit(own);
        EngineRun oldest = run(own, "e1", CONVERSION.formatted("\"age\""));
        Thread.sleep(20);
        EngineRun newer = run(own, "e2", CONVERSION.formatted("\"duration\""));
        assertThat(newer.lastStatus("data").orElseThrow().reusedFrom()).isEqualTo("e1");
        Path cache = own.resolve("workspace/cache/default");
        Path ageConversion = cache.resolve(fingerprint(oldest, "convert"));
        Path durationConversion = cache.resolve(fingerprint(newer, "convert"));
        assertThat(ageConversion).isDirectory();
        long size = bytes(cache);

        EngineRun limited = run(own, "e3", CONVERSION.formatted("\"duration\""), "--cache-max-size",
                Long.toString(size - 1));

        assertThat(limited.lastStatus("convert").orElseThrow().reusedFrom()).isEqualTo("e2");
        assertThat(ageConversion).as("least recently used").doesNotExist();
        assertThat(durationConversion).exists();
        assertThat(cache.resolve(fingerprint(oldest, "data"))).as("reused by every run").exists();
        assertThat(bytes(cache)).isLessThan(size);
        // The table the evicted entry pointed at belongs to its run, and stays.
        assertThat(Path.of(java.net.URI.create(oldest.output("convert", "out").location()))).isDirectory();

        EngineRun again = run(own, "e4", CONVERSION.formatted("\"age\""), "--previous-run", "e1");
        assertThat(again.lastStatus("data").orElseThrow().reusedFrom()).isEqualTo("e1");
        assertThat(ran(again, "convert")).isEqualTo("its earlier outputs are no longer stored");
    }

    private static String experiment(String fraction, int maxDepth, String threshold) {
        return EXPERIMENT.formatted(fraction, maxDepth, threshold);
    }

    private static EngineRun run(Path where, String runId, String experiment, String... arguments) {
        return EngineRun.ofJson(experiment, runId, where, components, arguments);
    }

    /** Why a node that ran ran, after checking it ran. */
    private static String ran(EngineRun run, String node) {
        RunEvent.NodeStatusChanged status = run.lastStatus(node).orElseThrow();
        assertThat(status.state()).as(node).isEqualTo(NodeState.SUCCEEDED);
        assertThat(status.reusedFrom()).as(node).isNull();
        assertThat(run.states(node)).as(node).contains(NodeState.RUNNING);
        return status.rerunReason();
    }

    private static String fingerprint(EngineRun run, String node) throws IOException {
        return io.easel.engine.report.EngineJson.mapper()
                .readTree(run.runDirectory().resolve("fingerprints.json").toFile()).path(node).path("hash").asText();
    }

    private static long bytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void copyCredit(Path where) throws IOException {
        try (InputStream in = RunScopeTest.class.getResourceAsStream("/io/easel/components/datasets/credit_g.csv")) {
            Files.write(where.resolve("credit.csv"), in.readAllBytes());
        }
    }
}
