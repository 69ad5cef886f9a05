package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.ComponentRegistry;
import io.easel.engine.testing.TestComponents;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Small tables stay in memory between nodes ({@code spark.easel.memoryTableBytes}): the credit-scoring experiment on
 * German credit, its table outputs written as Parquet as always, those within the limit also kept in memory for the
 * nodes downstream, what each node reports saying which, the results the same as with the setting off, and the memory
 * given back when the run ends, however it ends.
 */
class MemoryTablesTest {

    private static final String EXPERIMENT = EngineRun.resource("experiments/credit-scoring.json")
            .replace("\"params\": {\"labelColumn\": \"class\"}, \"position\": {\"x\": 40, \"y\": 340}",
                    "\"params\": {\"labelColumn\": \"class\", \"maxIter\": 4}, \"position\": {\"x\": 40, \"y\": 340}");
    /** Every table output of the experiment, as node and port. */
    private static final List<List<String>> TABLES = List.of(List.of("data", "out"), List.of("convert", "out"),
            List.of("split", "train"), List.of("split", "test"), List.of("predict", "out"),
            List.of("importance", "out"));

    private static Path root;
    private static ComponentRegistry components;
    /** The plans of the queries of the latest run, as Spark reported them. */
    private static final Queue<String> PLANS = new ConcurrentLinkedQueue<>();
    /** A run with the default limit, which keeps every table of the experiment in memory. */
    private static EngineRun kept;
    private static List<String> keptPlans;
    /** The ids of the RDDs persisted before the latest run started. */
    private static Set<Integer> persistedBefore;

    @BeforeAll
    static void runWithTheDefaultLimit() throws IOException {
        Path runs = Files.createDirectories(Path.of("target", "test-runs").toAbsolutePath());
        root = Files.createTempDirectory(runs, "memory-tables-");
        components = TestComponents.withBuiltins(root.resolve("components"));
        assertThat(EXPERIMENT).contains("\"maxIter\": 4");
        kept = run("all-kept", session(null), EXPERIMENT);
        keptPlans = List.copyOf(PLANS);
        nothingIsLeftInMemory();
    }

    @AfterEach
    void clearPlans() {
        PLANS.clear();
    }

    /**
     * Starts a run of this class from nothing cached: other classes in this JVM may have left data in the shared
     * session's cache (an FP-growth model keeps its itemsets there, for one).
     */
    private static void startFromAnEmptyCache() {
        SparkSession spark = SharedSpark.session();
        spark.catalog().clearCache();
        persistedBefore = persistedIds(spark);
    }

    private static Set<Integer> persistedIds(SparkSession spark) {
        return Set.copyOf(JavaSparkContext.fromSparkContext(spark.sparkContext()).getPersistentRDDs().keySet());
    }

    private static void nothingIsLeftInMemory() {
        SparkSession spark = SharedSpark.session();
        assertThat(spark.sharedState().cacheManager().isEmpty()).as("cached tables after the run").isTrue();
        assertThat(persistedIds(spark)).as("persisted data after the run").isSubsetOf(persistedBefore);
    }

    @Test
    void shouldKeepSmallTablesInMemoryForTheNodesDownstreamAndSaySo() {
        assertThat(kept.state()).isEqualTo(RunState.SUCCEEDED);
        for (List<String> table : TABLES) {
            PortResult.TableStorage storage = kept.output(table.get(0), table.get(1)).storage();
            assertThat(storage.inMemory()).as("%s kept in memory", table).isTrue();
            assertThat(storage.bytes()).as("%s size", table).isPositive().isLessThan(10L << 20);
        }
        // The prediction is computed from the test rows the split kept in memory, not read back from their files.
        assertThat(written(keptPlans, "predict")).contains("InMemoryRelation");
    }

    @Test
    void shouldReadTablesOverTheLimitFromTheirFilesWithTheSameResults() {
        long limit = kept.output("split", "test").storage().bytes();

        EngineRun some = run("some-kept", session(Long.toString(limit)), EXPERIMENT);
        nothingIsLeftInMemory();

        assertThat(some.state()).isEqualTo(RunState.SUCCEEDED);
        for (List<String> table : TABLES) {
            PortResult.TableStorage storage = some.output(table.get(0), table.get(1)).storage();
            assertThat(storage.inMemory()).as("%s kept in memory", table).isEqualTo(storage.bytes() <= limit);
        }
        assertThat(some.output("split", "test").storage().inMemory()).isTrue();
        assertThat(some.output("split", "train").storage().inMemory()).isFalse();
        assertThat(some.output("convert", "out").storage().inMemory()).isFalse();
        PLANS.clear();

        EngineRun none = run("none-kept", session("0"), EXPERIMENT);

        assertThat(none.state()).isEqualTo(RunState.SUCCEEDED);
        for (List<String> table : TABLES) {
            assertThat(none.output(table.get(0), table.get(1)).storage().inMemory()).as("%s", table).isFalse();
        }
        assertThat(written(List.copyOf(PLANS), "predict")).contains("] parquet").doesNotContain("InMemoryRelation");
        for (EngineRun other : List.of(some, none)) {
            assertThat(other.output("evaluate", "report").metrics()).isEqualTo(kept.output("evaluate", "report")
                    .metrics());
            for (List<String> table : TABLES) {
                PortResult same = other.output(table.get(0), table.get(1));
                PortResult original = kept.output(table.get(0), table.get(1));
                assertThat(same.rowCount()).as("%s rows", table).isEqualTo(original.rowCount());
                assertThat(same.sampleRows()).as("%s sample", table).isEqualTo(original.sampleRows());
            }
        }
    }

    @Test
    void shouldGiveTheMemoryBackWhenARunFails() {
        // The learner fails on a label that is not there, after the tables upstream were kept in memory.
        EngineRun run = run("failed", session("10m"), EXPERIMENT.replace("\"labelColumn\": \"class\", \"maxIter\"",
                "\"labelColumn\": \"housing\", \"maxIter\""));

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.lastStatus("gbdt").orElseThrow().state()).isEqualTo(NodeState.FAILED);
        assertThat(run.output("split", "train").storage().inMemory()).isTrue();
        nothingIsLeftInMemory();
    }

    @Test
    void shouldGiveTheMemoryBackWhenARunIsCancelled() {
        SparkSession session = session("10m");
        // Cancelled as soon as a table is in memory, before the nodes downstream of it start; once cancelled, a run
        // stays cancelled.
        AtomicBoolean cancelled = new AtomicBoolean();
        BooleanSupplier cancelOnceATableIsKept = () -> {
            if (!session.sharedState().cacheManager().isEmpty()) {
                cancelled.set(true);
            }
            return cancelled.get();
        };
        startFromAnEmptyCache();
        EngineRun run = EngineRun.ofJson(EXPERIMENT, "cancelled", root, components, session, cancelOnceATableIsKept,
                "--force", "all");

        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
        assertThat(run.output("data", "out").storage().inMemory()).isTrue();
        assertThat(run.lastStatus("evaluate").orElseThrow().state()).isEqualTo(NodeState.SKIPPED);
        nothingIsLeftInMemory();
    }

    /** Runs every node (none reuses another test's outputs) and waits until Spark has reported its queries. */
    @Test
    void shouldRefuseToStartWithALimitThatIsNotASize() {
        EngineRun run = EngineRun.ofJson(EXPERIMENT, "no-size", root, components, session("ten megabytes"));

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.status().finished().message()).isEqualTo("The run cannot start: the Spark setting "
                + "spark.easel.memoryTableBytes must be a size such as 10m or 1048576 (bytes; 0 keeps no table in "
                + "memory), not 'ten megabytes'");
        assertThat(run.status().nodes()).as("no node is queued").isEmpty();
    }

    private static EngineRun run(String runId, SparkSession session, String experiment) {
        startFromAnEmptyCache();
        EngineRun run = EngineRun.ofJson(experiment, runId, root, components, session, "--force", "all");
        try {
            session.sparkContext().listenerBus().waitUntilEmpty();
        } catch (TimeoutException e) {
            throw new AssertionError("Spark did not report the queries of run " + runId, e);
        }
        return run;
    }

    /** The plan of the query that wrote a node's table output. */
    private static String written(List<String> plans, String node) {
        return plans.stream().filter(plan -> plan.contains("nodes/" + node + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("no query wrote the output of " + node + ": " + plans));
    }

    /**
     * A session of the shared one with the given limit (null: the default), whose queries' plans (cached data in
     * place) are recorded.
     */
    private static SparkSession session(String memoryTableBytes) {
        SparkSession session = SharedSpark.session().newSession();
        if (memoryTableBytes != null) {
            session.conf().set("spark.easel.memoryTableBytes", memoryTableBytes);
        }
        session.listenerManager().register(new QueryExecutionListener() {
            @Override
            public void onSuccess(String action, QueryExecution execution, long durationNs) {
                PLANS.add(execution.withCachedData().toString());
            }

            @Override
            public void onFailure(String action, QueryExecution execution, Exception exception) {
                // only what succeeded wrote something
            }
        });
        return session;
    }
}
