package io.easel.engine;

import io.easel.components.ComponentRegistry;
import io.easel.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: benchmark E3 of issue 11, scale. The shape of a car-purchase-intent model: twelve numeric behaviour
 * features (four of them stored as text, converted to numbers) and a binary "bought" label; read CSV → type
 * conversion → 85/15 split → GBDT (20 trees of depth 5) → predict → binary evaluation, and the GBDT's feature
 * importance. Run end to end by Easel's engine on the shared {@code local[2]} session at N and at 10 × N rows, each
 * in a workspace of its own, after a warm-up run on 10,000 rows (not counted). Prints both times and their ratio
 * (goal ≤ 11, i.e. linear). Run the JVM with {@code -Xmx4g} (the driver memory).
 *
 * <p>Arguments: {@code [N, default 1,650,000] [the larger size, default 10 × N]}. Run its {@code main} with the
 * ml-engine test class path, as {@link IncrementalRunBenchmark} (docs/benchmarks.md). The CSV of 16.5M rows takes
 * about 4 GB of disk, and the run's Parquet outputs as much again.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int small = args.length > 0 ? rows(args[0]) : 1_650_000;
        int large = args.length > 1 ? rows(args[1]) : 10 * small;
        Path root = Files.createTempDirectory("easel-scale-benchmark-");
        ComponentRegistry components = ComponentRegistry.load();
        SharedSpark.session(); // started before timing: a warm engine has its session up
        System.out.printf("driver memory: %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        time(root, "warm-up", 10_000, components);
        long smallMillis = time(root, "n", small, components);
        long largeMillis = time(root, "10n", large, components);
        System.out.printf("E3: %,d rows %d ms, %,d rows %d ms, ratio %.2f for %.1f× the rows (goal ≤ 11)%n", small,
                smallMillis, large, largeMillis, (double) largeMillis / smallMillis, (double) large / small);
        SharedSpark.session().stop();
    }

    /** Writes the table (not timed), runs the experiment on it and returns the run's wall time. */
    private static long time(Path root, String name, int rows, ComponentRegistry components) {
        Path data = root.resolve("data-" + name);
        SyntheticCsv csv = SyntheticCsv.write(data, "behaviour", rows, 12, 0, 4, components);
        long start = System.nanoTime();
        EngineRun run = EngineRun.ofJson(csv.experiment(20, 5, 0.5, true), name, root.resolve("run-" + name),
                components, "--data-root", data.toString());
        long millis = SyntheticCsv.millisSince(start);
        if (run.state() != RunState.SUCCEEDED) {
            throw new IllegalStateException("Run " + name + " failed: " + run.status());
        }
        System.out.printf("%s, %,d rows: %d ms; nodes: %s%n", name, rows, millis, run.nodeTimes());
        return millis;
    }

    private static int rows(String argument) {
        return Integer.parseInt(argument.replace(",", "").replace("_", ""));
    }
}
