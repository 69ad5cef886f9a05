package io.easel.engine;

import io.easel.components.ComponentRegistry;
import io.easel.run.RunState;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: benchmark E2 of issue 11, the interactive loop. A 6-node experiment (read CSV → type conversion → split
 * → GBDT of 20 trees → predict → binary evaluation) on 10,000 rows, timed:
 * <ol>
 *   <li><b>cold</b>: the first run in a new engine JVM, started as the server starts a driver without a warm engine
 *       ({@link EngineMain} in a child JVM with this JVM's flags and class path, {@code local[2]}), from the start of
 *       the process to its end;
 *   <li><b>warm first run</b>: in a new workspace, on this JVM's warm session (after a warm-up run, not counted), as
 *       the warm engine takes a run;
 *   <li>the re-run after changing only the evaluation's threshold, and the re-run after changing only the GBDT's
 *       {@code maxDepth}, in the same workspace, each with the run before as its previous run.
 * </ol>
 * Goals: a downstream-only change ≤ 10 % of the cold run; warm runs ≤ 3 s.
 *
 * <p>Arguments: {@code [rows, default 10,000]}. Run its {@code main} with the ml-engine test class path, as
 * {@link IncrementalRunBenchmark} (docs/benchmarks.md).
 */
public final class InteractiveLoopBenchmark {

    private static final int TREES = 20;

    private InteractiveLoopBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace(",", "").replace("_", "")) : 10_000;
        Path root = Files.createTempDirectory("easel-interactive-benchmark-");
        ComponentRegistry components = ComponentRegistry.load();
        SyntheticCsv csv = SyntheticCsv.write(root.resolve("data"), "applications", rows, 10, 3, 3, components);
        String dataRoot = csv.directory().getParent().toString();
        String experiment = csv.experiment(TREES, 5, 0.5, false);

        long cold = coldRun(experiment, root.resolve("cold"), dataRoot);
        System.out.printf("cold first run (new JVM, EngineMain, local[2]): %d ms%n", cold);

        EngineRun warmUp = EngineRun.ofJson(experiment, "warm-up", root.resolve("warm-up"), components,
                "--data-root", dataRoot);
        System.out.printf("warm-up run in this JVM (not counted): %s%n", warmUp.nodeTimes());

        Path workspace = root.resolve("loop");
        long start = System.nanoTime();
        EngineRun warm = run(experiment, "warm", workspace, components, dataRoot);
        long warmFirst = SyntheticCsv.millisSince(start);
        start = System.nanoTime();
        EngineRun evaluation = run(csv.experiment(TREES, 5, 0.4, false), "threshold", workspace, components, dataRoot,
                "--previous-run", warm.runId());
        long evaluationOnly = SyntheticCsv.millisSince(start);
        start = System.nanoTime();
        EngineRun depth = run(csv.experiment(TREES, 4, 0.4, false), "depth", workspace, components, dataRoot,
                "--previous-run", evaluation.runId());
        long depthOnly = SyntheticCsv.millisSince(start);

        System.out.printf("warm first run (new workspace): %d ms%n  nodes: %s%n", warmFirst, warm.nodeTimes());
        System.out.printf("re-run, only the evaluation changed: %d ms (%.1f %% of cold)%n  nodes: %s%n",
                evaluationOnly, 100.0 * evaluationOnly / cold, evaluation.nodeTimes());
        System.out.printf("re-run, only GBDT maxDepth changed: %d ms (%.1f %% of cold)%n  nodes: %s%n", depthOnly,
                100.0 * depthOnly / cold, depth.nodeTimes());
        System.out.printf("E2, %,d rows: cold %d ms | warm first %d ms | evaluation only %d ms (%.1f %%) | maxDepth "
                + "only %d ms (%.1f %%)   (goals: downstream-only ≤ 10 %% of cold, warm runs ≤ 3,000 ms)%n", rows,
                cold, warmFirst, evaluationOnly, 100.0 * evaluationOnly / cold, depthOnly, 100.0 * depthOnly / cold);
        SharedSpark.session().stop();
    }

    private static EngineRun run(String experiment, String runId, Path workspace, ComponentRegistry components,
            String dataRoot, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--data-root", dataRoot));
        arguments.addAll(List.of(more));
        EngineRun run = EngineRun.ofJson(experiment, runId, workspace, components, SharedSpark.session(),
                arguments.toArray(String[]::new));
        if (run.state() != RunState.SUCCEEDED) {
            throw new IllegalStateException("Run " + runId + " failed: " + run.status());
        }
        return run;
    }

    /**
     * Runs the experiment in a new JVM, as a driver without a warm engine runs it ({@link EngineMain}, on
     * {@code local[2]}, with this JVM's flags and class path), and returns the process's wall time.
     */
    private static long coldRun(String experiment, Path directory, String dataRoot) throws Exception {
        Files.createDirectories(directory);
        Path file = directory.resolve("experiment.json");
        Files.writeString(file, experiment);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-Dspark.master=local[2]", "-cp", System.getProperty("java.class.path"),
                EngineMain.class.getName(), "--experiment", file.toString(), "--run-id", "cold",
                "--workspace", directory.resolve("workspace").toUri().toString(),
                "--model-store", directory.resolve("models").toUri().toString(), "--data-root", dataRoot));
        File log = directory.resolve("engine.log").toFile();
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        process.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        long start = System.nanoTime();
        int exit = process.start().waitFor();
        long millis = SyntheticCsv.millisSince(start);
        if (exit != EngineMain.SUCCEEDED) {
            throw new IllegalStateException("The cold run exited with " + exit + "; see " + log);
        }
        return millis;
    }
}
