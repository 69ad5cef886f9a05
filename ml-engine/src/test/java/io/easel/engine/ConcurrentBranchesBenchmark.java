package io.easel.engine;

import io.easel.components.ComponentRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Not a test: prints how long an experiment with two independent learners after one split
 * ({@code experiments/two-learners.json}) takes with its nodes run one after another
 * ({@code spark.easel.concurrentNodes=1}) and side by side (3), on one warm session, as a warm engine runs them; each
 * run in a workspace of its own, so that none reuses another's outputs. A first run warms the JVM up and is not
 * counted. Run its {@code main} with the ml-engine test class path, as {@link IncrementalRunBenchmark}
 * (docs/benchmarks.md); on a quiet machine, since it measures how the cores are shared.
 */
public final class ConcurrentBranchesBenchmark {

    private ConcurrentBranchesBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("easel-branches-benchmark-");
        ComponentRegistry components = ComponentRegistry.load();
        String experiment = EngineRun.resource("experiments/two-learners.json");
        time(experiment, "warm-up", root, components, 3);
        for (int round = 1; round <= 2; round++) {
            long oneByOne = time(experiment, "one-" + round, root, components, 1);
            long sideBySide = time(experiment, "three-" + round, root, components, 3);
            System.out.printf("round %d: one after another %d ms, side by side %d ms (%.2fx)%n", round, oneByOne,
                    sideBySide, (double) oneByOne / sideBySide);
        }
        SharedSpark.session().stop();
    }

    private static long time(String experiment, String runId, Path root, ComponentRegistry components,
            int concurrentNodes) {
        SparkSession session = SharedSpark.session().newSession();
        session.conf().set("spark.easel.concurrentNodes", Integer.toString(concurrentNodes));
        long start = System.nanoTime();
        EngineRun run = EngineRun.ofJson(experiment, runId, root.resolve(runId), components, session);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s (concurrentNodes=%d): %s in %d ms%n", runId, concurrentNodes, run.state(), millis);
        return millis;
    }
}
