package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment that does not validate runs nothing; each node at fault says why. */
class InvalidExperimentTest {

    @Test
    void shouldFailEachNodeAtFaultWithItsReasonsAndRunNothing(@TempDir Path dir) {
        EngineRun run = EngineRun.of("experiments/invalid.json", "invalid-1", dir, null);

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.lastStatus("split").orElseThrow()).satisfies(split -> {
            assertThat(split.state()).isEqualTo(NodeState.FAILED);
            assertThat(split.message()).contains("'fraction'", "1.5");
        });
        assertThat(run.lastStatus("gbdt").orElseThrow()).satisfies(gbdt -> {
            assertThat(gbdt.state()).isEqualTo(NodeState.FAILED);
            assertThat(gbdt.message()).contains("'labelColumn'", "no_such_column");
        });
        assertThat(run.lastStatus("mystery").orElseThrow()).satisfies(mystery -> {
            assertThat(mystery.state()).isEqualTo(NodeState.FAILED);
            assertThat(mystery.message()).contains("no-such-component");
        });
        assertThat(run.lastStatus("data").orElseThrow().state()).isEqualTo(NodeState.SKIPPED);
        assertThat(run.states("fine")).containsExactly(NodeState.SKIPPED);
        assertThat(run.events()).noneMatch(e -> e instanceof RunEvent.NodeStatusChanged s
                && s.state() == NodeState.RUNNING);
        assertThat(run.events()).noneMatch(RunEvent.NodeOutput.class::isInstance);
        assertThat(Files.exists(run.runDirectory().resolve("nodes"))).isFalse();
        assertThat(run.status().finished().message()).startsWith("The experiment is invalid (")
                .contains("no-such-component", "'fraction'");
    }

    @Test
    void shouldFailARunWhoseExperimentCannotBeRead(@TempDir Path dir) {
        Path missing = dir.resolve("gone.json");
        EngineArguments arguments = EngineArguments.parse(new String[] {"--experiment", missing.toString(),
                "--run-id", "unread-1", "--workspace", dir.resolve("ws").toUri().toString(), "--model-store",
                dir.resolve("models").toUri().toString()}, java.util.Map.of());

        RunState state = Engine.withBuiltins(SharedSpark.session()).run(arguments);

        EngineRun run = new EngineRun("unread-1", state, dir.resolve("ws"), dir.resolve("models"));
        assertThat(state).isEqualTo(RunState.FAILED);
        assertThat(run.events()).hasSize(2).first().isInstanceOf(RunEvent.RunStarted.class);
        assertThat(run.status().finished().message()).startsWith("Cannot read the experiment: ")
                .contains(missing.toString());
    }

    @Test
    void shouldFailARunWhoseExperimentIsNotJson(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir);
        EngineRun run = EngineRun.of("experiments/not-json.txt", "garbled-1", dir, null);

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.events()).hasSize(2);
        assertThat(run.status().finished().message()).startsWith("The experiment is not valid experiment JSON: ")
                .contains("line 1");
    }

    /** The server checks paths before a run starts; the engine checks them again against the roots it was given. */
    @Test
    void shouldRefuseToReadOutsideItsDataRoots(@TempDir Path dir) {
        EngineRun run = EngineRun.of("experiments/outside-data-roots.json", "outside-1", dir, null);

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.lastStatus("shadow").orElseThrow().message()).contains("'path'", "outside the data roots");
        assertThat(run.lastStatus("climb").orElseThrow().message()).contains("'path'", "'..'");
        assertThat(run.lastStatus("foreign").orElseThrow().message())
                .contains("file system Easel may not reach (hdfs://attacker.example:8020)");
        assertThat(run.events()).noneMatch(RunEvent.NodeOutput.class::isInstance);
    }
}
