package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.ComponentRegistry;
import io.easel.engine.log.LogTags;
import io.easel.engine.testing.FailingStep;
import io.easel.engine.testing.TestComponents;
import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Independent branches of a graph run side by side, on {@code spark.easel.concurrentNodes} worker threads: two
 * learners after one split overlap in time, learn the same models as when the nodes run one after another, and a
 * branch that fails fails the run with its reason while the other branch completes.
 */
class ConcurrentBranchesTest {

    /**
     * German credit, one split, and two GBDTs of different depths ({@code shallow}, {@code deep}), each with its
     * prediction and evaluation.
     */
    private static final String TWO_LEARNERS = EngineRun.resource("experiments/two-learners.json");

    /** The shallow branch of {@link #TWO_LEARNERS}, and beside it a branch whose step fails. */
    private static final String FAILING_BRANCH = """
            {"formatVersion": 1, "nodes": [
              {"id": "data", "component": "sample-dataset", "params": {"dataset": "credit_g"}},
              {"id": "convert", "component": "type-conversion",
               "params": {"columns": ["duration", "credit_amount", "age"], "targetType": "double"}},
              {"id": "split", "component": "random-split", "params": {"fraction": 0.85, "seed": 42}},
              {"id": "shallow", "component": "gbdt-classifier",
               "params": {"labelColumn": "class", "maxIter": 6, "maxDepth": 2}},
              {"id": "predictShallow", "component": "predict", "params": {}},
              {"id": "evaluateShallow", "component": "binary-classification-evaluation",
               "params": {"labelColumn": "class"}},
              {"id": "broken", "component": "failing-step", "params": {}},
              {"id": "afterBroken", "component": "unseeded-sample", "params": {"seed": 1}}
            ], "edges": [
              {"from": {"node": "data", "port": "out"}, "to": {"node": "convert", "port": "in"}},
              {"from": {"node": "convert", "port": "out"}, "to": {"node": "split", "port": "in"}},
              {"from": {"node": "split", "port": "train"}, "to": {"node": "shallow", "port": "in"}},
              {"from": {"node": "shallow", "port": "model"}, "to": {"node": "predictShallow", "port": "model"}},
              {"from": {"node": "split", "port": "test"}, "to": {"node": "predictShallow", "port": "in"}},
              {"from": {"node": "predictShallow", "port": "out"}, "to": {"node": "evaluateShallow", "port": "in"}},
              {"from": {"node": "split", "port": "test"}, "to": {"node": "broken", "port": "in"}},
              {"from": {"node": "broken", "port": "out"}, "to": {"node": "afterBroken", "port": "in"}}
            ]}
            """;

    private static ComponentRegistry components;
    /** {@link #TWO_LEARNERS} run once with three workers (it trains two models: worth sharing), and its jobs. */
    private static ConcurrentRun concurrentRun;

    private record ConcurrentRun(EngineRun run, JobWatch jobs) {}

    @BeforeAll
    static void runTwoLearnersOnThreeWorkers(@TempDir Path scratch) {
        components = TestComponents.withBuiltins(scratch.resolve("components"));
        JobWatch jobs = JobWatch.start(SharedSpark.session().sparkContext(), "branches-3");
        try {
            concurrentRun = new ConcurrentRun(EngineRun.ofJson(TWO_LEARNERS, "branches-3", scratch.resolve("run"),
                    components, withConcurrentNodes(3)), jobs);
        } finally {
            jobs.stop();
        }
    }

    @Test
    void shouldRunTheTwoLearnersSideBySideEachInAPoolOfItsOwnAndTaggedWithTheRun() {
        EngineRun run = concurrentRun.run();

        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        Span shallow = Span.of(run, "shallow");
        Span deep = Span.of(run, "deep");
        assertThat(shallow.overlaps(deep)).as("shallow %s, deep %s", shallow, deep).isTrue();
        // Every job a node started carries the run's tag (cancelling the run stops it) and its worker's pool.
        Map<String, Set<String>> pools = concurrentRun.jobs().poolsByNode();
        assertThat(pools.keySet()).contains("data", "split", "shallow", "deep", "evaluateShallow", "evaluateDeep");
        assertThat(concurrentRun.jobs().untagged()).isEmpty();
        assertThat(pools.values()).allSatisfy(nodePools -> assertThat(nodePools).hasSize(1)
                .allMatch(pool -> pool.matches("easel-branch-[123]")));
        assertThat(pools.get("shallow")).doesNotContainAnyElementsOf(pools.get("deep"));
    }

    @Test
    void shouldLearnTheSameModelsWhenTheNodesRunOneAfterAnother(@TempDir Path root) {
        EngineRun concurrent = concurrentRun.run();
        EngineRun oneByOne = EngineRun.ofJson(TWO_LEARNERS, "same-1", root, components, withConcurrentNodes(1));

        assertThat(concurrent.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(oneByOne.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(Span.of(oneByOne, "shallow").overlaps(Span.of(oneByOne, "deep"))).isFalse();
        for (String evaluation : List.of("evaluateShallow", "evaluateDeep")) {
            double auc = auc(oneByOne, evaluation);
            assertThat(auc).as(evaluation).isBetween(0.6, 1.0);
            assertThat(auc(concurrent, evaluation)).as(evaluation).isCloseTo(auc, within(1e-12));
        }
        // One worker takes the nodes in the run's order, as runs always did.
        assertThat(startOrder(oneByOne)).containsExactly("data", "convert", "split", "shallow", "deep",
                "predictShallow", "predictDeep", "evaluateShallow", "evaluateDeep");
    }

    @Test
    void shouldFailTheRunWithTheFailingNodesReasonWhileTheOtherBranchCompletes(@TempDir Path root) {
        EngineRun run = EngineRun.ofJson(FAILING_BRANCH, "failing-branch-3", root, components,
                withConcurrentNodes(3));

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        RunEvent.RunFinished finished = run.status().finished();
        assertThat(run.lastStatus("broken").orElseThrow().message()).contains(FailingStep.REASON);
        assertThat(finished.message()).isEqualTo("Node 'broken' failed: "
                + run.lastStatus("broken").orElseThrow().message());
        assertThat(run.states("broken")).containsExactly(NodeState.QUEUED, NodeState.RUNNING, NodeState.FAILED);
        assertThat(run.states("afterBroken")).containsExactly(NodeState.QUEUED, NodeState.SKIPPED);
        assertThat(run.lastStatus("afterBroken").orElseThrow().message())
                .isEqualTo("Not run: upstream node 'broken' failed");
        for (String node : List.of("shallow", "predictShallow", "evaluateShallow")) {
            assertThat(run.states(node)).as(node)
                    .containsExactly(NodeState.QUEUED, NodeState.RUNNING, NodeState.SUCCEEDED);
        }
        // The failure came while the learner of the other branch was under way, and did not stop it.
        RunEvent.NodeStatusChanged failed = run.lastStatus("broken").orElseThrow();
        Span shallow = Span.of(run, "shallow");
        assertThat(failed.at()).isBetween(shallow.start(), shallow.end());
        assertThat(auc(run, "evaluateShallow")).isBetween(0.6, 1.0);
    }

    @Test
    void shouldStopTheJobsOfEveryNodeUnderWayWhenTheRunIsCancelled(@TempDir Path root) {
        String runId = "cancelled-3";
        SparkContext context = SharedSpark.session().sparkContext();
        EngineRun run;
        CancelWhenBothLearn trigger;
        try (RunCancellation cancellation = new RunCancellation(context)) {
            trigger = new CancelWhenBothLearn(runId, cancellation);
            context.addSparkListener(trigger);
            try {
                run = EngineRun.ofJson(TWO_LEARNERS, runId, root, components, withConcurrentNodes(3),
                        trigger.cancelled::get);
            } finally {
                context.removeSparkListener(trigger);
            }
        }

        assertThat(trigger.cancelledAt.get()).as("cancelled while both learners ran").isPositive();
        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
        for (String learner : List.of("shallow", "deep")) {
            RunEvent.NodeStatusChanged last = run.lastStatus(learner).orElseThrow();
            assertThat(last.state()).as(learner).isEqualTo(NodeState.SKIPPED);
            assertThat(last.message()).as(learner).isEqualTo("Stopped: the run was cancelled");
            // Generous for a loaded 2-core machine: without the cancel, a learner runs job after job for far longer.
            assertThat(last.at() - trigger.cancelledAt.get()).as(learner).isLessThan(60_000);
        }
        for (String node : List.of("predictShallow", "predictDeep", "evaluateShallow", "evaluateDeep")) {
            assertThat(run.lastStatus(node).orElseThrow().message()).as(node)
                    .isEqualTo("Not run: the run was cancelled");
        }
    }

    @Test
    void shouldRefuseToStartWithAConcurrencyThatIsNotAWholeNumberInRange(@TempDir Path root) {
        SparkSession session = SharedSpark.session().newSession();
        session.conf().set("spark.easel.concurrentNodes", "0");

        EngineRun run = EngineRun.ofJson(FAILING_BRANCH, "no-workers", root, components, session);

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.status().finished().message()).isEqualTo("The run cannot start: the Spark setting "
                + "spark.easel.concurrentNodes must be a whole number from 1 to 32 (how many nodes may run at once), "
                + "not '0'");
        assertThat(run.status().nodes()).as("no node is queued").isEmpty();
    }

    private static SparkSession withConcurrentNodes(int nodes) {
        SparkSession session = SharedSpark.session().newSession();
        session.conf().set("spark.easel.concurrentNodes", Integer.toString(nodes));
        return session;
    }

    private static double auc(EngineRun run, String evaluation) {
        return ((Number) run.output(evaluation, "report").metrics().get("auc")).doubleValue();
    }

    private static List<String> startOrder(EngineRun run) {
        return run.events().stream()
                .filter(e -> e instanceof RunEvent.NodeStatusChanged s && s.state() == NodeState.RUNNING)
                .map(e -> ((RunEvent.NodeStatusChanged) e).nodeId())
                .toList();
    }

    /** When a node started and ended, by its status events. */
    private record Span(long start, long end) {

        static Span of(EngineRun run, String node) {
            List<RunEvent.NodeStatusChanged> changes = run.events().stream()
                    .filter(e -> e instanceof RunEvent.NodeStatusChanged s && s.nodeId().equals(node))
                    .map(RunEvent.NodeStatusChanged.class::cast)
                    .toList();
            long start = changes.stream().filter(s -> s.state() == NodeState.RUNNING).findFirst().orElseThrow().at();
            long end = changes.stream().filter(s -> s.state().isFinal()).findFirst().orElseThrow().at();
            return new Span(start, end);
        }

        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }
    }

    /** Cancels a run, as the warm engine does, as soon as jobs of both its learners have started. */
    private static final class CancelWhenBothLearn extends SparkListener {

        private final String runId;
        private final RunCancellation cancellation;
        private final Set<String> learning = ConcurrentHashMap.newKeySet();
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicLong cancelledAt = new AtomicLong();

        CancelWhenBothLearn(String runId, RunCancellation cancellation) {
            this.runId = runId;
            this.cancellation = cancellation;
        }

        @Override
        public void onJobStart(SparkListenerJobStart job) {
            Properties properties = job.properties();
            if (properties == null || !runId.equals(properties.getProperty(LogTags.RUN))) {
                return;
            }
            String node = properties.getProperty(LogTags.NODE);
            if ("shallow".equals(node) || "deep".equals(node)) {
                learning.add(node);
            }
            if (learning.size() == 2 && cancelled.compareAndSet(false, true)) {
                cancelledAt.set(System.currentTimeMillis());
                cancellation.cancel(runId, "the test cancelled the run");
            }
        }
    }

    /** The scheduler pool and tags of the Spark jobs of one run, by node, as the jobs start. */
    private static final class JobWatch extends SparkListener {

        private final SparkContext spark;
        private final String runId;
        private final Map<String, Set<String>> pools = new ConcurrentHashMap<>();
        private final Set<Integer> untagged = ConcurrentHashMap.newKeySet();

        private JobWatch(SparkContext spark, String runId) {
            this.spark = spark;
            this.runId = runId;
        }

        static JobWatch start(SparkContext spark, String runId) {
            JobWatch watch = new JobWatch(spark, runId);
            spark.addSparkListener(watch);
            return watch;
        }

        @Override
        public void onJobStart(SparkListenerJobStart job) {
            Properties properties = job.properties();
            if (properties == null || !runId.equals(properties.getProperty(LogTags.RUN))) {
                return;
            }
            String node = properties.getProperty(LogTags.NODE);
            String tags = properties.getProperty("spark.job.tags", "");
            if (!Set.of(tags.split(",")).contains(RunCancellation.jobTag(runId))) {
                untagged.add(job.jobId());
            }
            if (node != null) {
                pools.computeIfAbsent(node, n -> ConcurrentHashMap.newKeySet())
                        .add(String.valueOf(properties.getProperty("spark.scheduler.pool")));
            }
        }

        /** Stops watching once the jobs started so far have been heard of. */
        void stop() {
            try {
                spark.listenerBus().waitUntilEmpty(30_000);
            } catch (TimeoutException e) {
                throw new AssertionError("Spark's listeners did not hear of every job within 30 s", e);
            }
            spark.removeSparkListener(this);
        }

        Map<String, Set<String>> poolsByNode() {
            return pools.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        }

        Set<Integer> untagged() {
            return untagged;
        }
    }
}
