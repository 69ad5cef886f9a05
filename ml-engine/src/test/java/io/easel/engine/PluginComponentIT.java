package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ColumnSpec;
import io.easel.component.TableSpec;
import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import io.easel.run.RunStatus;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A component from a plugin jar, run by the real engine: the cluster application jar submitted with the example
 * plugin jar as an application jar ({@code --jars}), exactly as the server's Spark launcher submits it. The engine
 * finds the plugin's component through the jar's index, runs it, and exports the model trained on its output with
 * the plugin's own PMML converter.
 */
class PluginComponentIT {

    @Test
    void shouldRunAPluginJarsComponentAndExportItsStepWithThePluginsConverter(@TempDir Path dir) throws Exception {
        Path plugin = Path.of(System.getProperty("easel.test.plugin-jar",
                "../components/plugin-example/target/easel-plugin-example-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(plugin).as("built before the engine (components/plugin-example)").isRegularFile();

        AppJarSubmission run = AppJarSubmission.run(dir, "plugin-1", "experiments/z-score-regression.json",
                List.of("--jars", plugin.toString()));

        RunStatus status = run.status();
        assertThat(status.finished().state()).as(status.finished().message()).isEqualTo(RunState.SUCCEEDED);
        assertThat(status.nodes()).extracting(RunEvent.NodeStatusChanged::nodeId)
                .containsExactlyInAnyOrder("data", "zscore", "regression", "predict");
        assertThat(status.nodes()).allSatisfy(n -> assertThat(n.state()).as(n.nodeId()).isEqualTo(NodeState.SUCCEEDED));
        RunEvent.NodeOutput scores = run.events().stream()
                .filter(e -> e instanceof RunEvent.NodeOutput o && o.nodeId().equals("zscore"))
                .map(RunEvent.NodeOutput.class::cast).findFirst().orElseThrow();
        assertThat(scores.result().rowCount()).isEqualTo(442);
        assertThat(((TableSpec) scores.result().spec()).columns()).extracting(ColumnSpec::name)
                .endsWith("age_zscore", "bmi_zscore", "bp_zscore", "s5_zscore");

        String pmml = Files.readString(Path.of(URI.create(status.models().getFirst().uri())));
        // the plugin's converter wrote the scores as derived fields of the raw inputs
        assertThat(pmml).contains("<DerivedField name=\"zscore(age)\"", "<DerivedField name=\"zscore(s5)\"",
                "<DataField name=\"age\"");
    }
}
