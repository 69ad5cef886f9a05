package io.easel.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkspaceLayoutTest {

    @Test
    void shouldPlaceRunFilesUnderTheRunId() {
        assertThat(WorkspaceLayout.status("run-7")).isEqualTo("run-7/status.json");
        assertThat(WorkspaceLayout.events("run-7")).isEqualTo("run-7/events.jsonl");
        assertThat(WorkspaceLayout.experiment("run-7")).isEqualTo("run-7/experiment.json");
        assertThat(WorkspaceLayout.tableOutput("run-7", "split", "train")).isEqualTo("run-7/nodes/split/train");
        assertThat(WorkspaceLayout.modelDirectory("run-7", "gbdt", "model", true)).isEqualTo("run-7/gbdt");
        assertThat(WorkspaceLayout.modelDirectory("run-7", "gbdt", "model", false)).isEqualTo("run-7/gbdt/model");
    }

    @Test
    void shouldEscapeNodeIdsAPathCannotHold() {
        assertThat(WorkspaceLayout.tableOutput("r", "a/b:c", "out put")).isEqualTo("r/nodes/a_2fb_3ac/out_20put");
        assertThat(WorkspaceLayout.tableOutput("r", "..", "x")).isEqualTo("r/nodes/_2e./x");
    }

    @Test
    void shouldRejectARunIdThatIsNotAPlainName() {
        assertThatThrownBy(() -> WorkspaceLayout.status("../etc")).hasMessageContaining("Run id '../etc'");
    }
}
