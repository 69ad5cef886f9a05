package io.easel.engine;

import io.easel.components.ComponentRegistry;
import io.easel.run.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: prints how long the credit-scoring sample experiment takes on its first run, and on a re-run after
 * only the evaluation changed (every node upstream of it reused), on one warm session, as a warm engine runs them.
 * Run its {@code main} with the ml-engine test class path (docs/benchmarks.md).
 */
public final class IncrementalRunBenchmark {

    private IncrementalRunBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("easel-incremental-benchmark-");
        ComponentRegistry components = ComponentRegistry.load();
        String experiment = EngineRun.resource("experiments/credit-scoring.json");
        String evaluatedOtherwise = experiment.replace("\"params\": {\"labelColumn\": \"class\"}, \"position\": "
                + "{\"x\": 240, \"y\": 540}", "\"params\": {\"labelColumn\": \"class\", \"threshold\": 0.4}, "
                + "\"position\": {\"x\": 240, \"y\": 540}");
        if (evaluatedOtherwise.equals(experiment)) {
            throw new IllegalStateException("The evaluation node of credit-scoring.json was not found");
        }
        SharedSpark.session(); // started before timing: a warm engine has its session up
        long start = System.nanoTime();
        EngineRun first = EngineRun.ofJson(experiment, "first", root, components);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        EngineRun rerun = EngineRun.ofJson(evaluatedOtherwise, "rerun", root, components, "--previous-run",
                "first");
        long rerunMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("first run (%s): %d ms%nre-run after changing only the evaluation (%s): %d ms (%.0f%%)%n",
                first.state(), firstMillis, rerun.state(), rerunMillis, 100.0 * rerunMillis / firstMillis);
        for (RunEvent.NodeStatusChanged status : rerun.status().nodes()) {
            System.out.printf("  %-10s %s%n", status.nodeId(), status.reusedFrom() != null
                    ? "reused from " + status.reusedFrom() : "ran: " + status.rerunReason());
        }
        SharedSpark.session().stop();
    }
}
