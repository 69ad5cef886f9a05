package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.ComponentRegistry;
import io.easel.engine.testing.TestComponents;
import io.easel.run.RunState;
import io.easel.run.WorkspaceLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reused table's lineage (the fitted feature steps its rows went through) is loaded only when a node that runs needs
 * it: not by a re-run that changes only the evaluation, but by a learner that trains again on a reused table, whose
 * model then exports the same PMML as when every node ran.
 */
class ReusedLineageTest {

    private static final String EXPERIMENT = EngineRun.resource("experiments/credit-scoring.json")
            .replace("\"params\": {\"labelColumn\": \"class\"}, \"position\": {\"x\": 40, \"y\": 340}",
                    "\"params\": {\"labelColumn\": \"class\", \"maxIter\": 4, \"maxDepth\": %d}, "
                            + "\"position\": {\"x\": 40, \"y\": 340}")
            .replace("\"params\": {\"labelColumn\": \"class\"}, \"position\": {\"x\": 240, \"y\": 540}",
                    "\"params\": {\"labelColumn\": \"class\", \"threshold\": %s}, \"position\": {\"x\": 240, \"y\": 540}");
    /** What the engine logs each time it loads a saved feature step. */
    private static final String STEP_LOADED = "Loaded the saved feature step";

    private static Path root;
    private static ComponentRegistry components;

    @BeforeAll
    static void runOnce() throws IOException {
        Path runs = Files.createDirectories(Path.of("target", "test-runs").toAbsolutePath());
        root = Files.createTempDirectory(runs, "reused-lineage-");
        components = TestComponents.withBuiltins(root.resolve("components"));
        assertThat(EXPERIMENT).contains("\"maxDepth\": %d").contains("\"threshold\": %s");
        assertThat(run("first", experiment(3, "0.5")).state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void shouldNotLoadTheStepsOfReusedTablesWhenOnlyTheEvaluationChanged() {
        EngineRun evaluation = run("evaluation", experiment(3, "0.4"), "--previous-run", "first");

        assertThat(evaluation.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(evaluation.lastStatus("predict").orElseThrow().reusedFrom()).isEqualTo("first");
        assertThat(evaluation.lastStatus("evaluate").orElseThrow().reusedFrom()).isNull();
        // Feature importance runs every time (its ranked rows are not kept) and needs the model, whose lineage comes
        // with it; no other node loads a step.
        assertThat(logLines(evaluation)).filteredOn(line -> line.contains(STEP_LOADED))
                .allMatch(line -> line.contains("\"node\":\"importance\""));
    }

    @Test
    void shouldLoadThemForALearnerThatTrainsAgainAndExportTheSamePmml() {
        EngineRun retrained = run("retrained", experiment(2, "0.5"), "--previous-run", "first");
        EngineRun everyNode = run("every-node", experiment(2, "0.5"), "--force", "all");

        assertThat(retrained.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(retrained.lastStatus("split").orElseThrow().reusedFrom()).isEqualTo("first");
        assertThat(retrained.lastStatus("gbdt").orElseThrow().reusedFrom()).isNull();
        assertThat(logLines(retrained)).anyMatch(line -> line.contains(STEP_LOADED));
        assertThat(everyNode.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(pmml(retrained)).isEqualTo(pmml(everyNode));
        assertThat(retrained.output("evaluate", "report").metrics())
                .isEqualTo(everyNode.output("evaluate", "report").metrics());
    }

    private static String experiment(int maxDepth, String threshold) {
        return EXPERIMENT.formatted(maxDepth, threshold);
    }

    private static EngineRun run(String runId, String experiment, String... arguments) {
        return EngineRun.ofJson(experiment, runId, root, components, arguments);
    }

    private static List<String> logLines(EngineRun run) {
        try {
            return Files.readAllLines(run.workspace().resolve(WorkspaceLayout.log(run.runId())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PMML of a run's GBDT, but for the time in its header. */
    private static String pmml(EngineRun run) {
        try {
            String text = Files.readString(Path.of(URI.create(run.exports().getFirst().uri())),
                    StandardCharsets.UTF_8);
            return text.replaceAll("<Timestamp>.*?</Timestamp>", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
