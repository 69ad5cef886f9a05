package io.easel.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class RunLayoutTest {

    private final RunLayout layout = new RunLayout("run-7", new Path("file:/ws"), new Path("hdfs://nn:8020/models"));

    @Test
    void shouldPlaceRunFilesUnderTheRunId() {
        assertThat(layout.events()).hasToString("file:/ws/run-7/events.jsonl");
        assertThat(layout.status()).hasToString("file:/ws/run-7/status.json");
        assertThat(layout.tableOutput("split", "train")).hasToString("file:/ws/run-7/nodes/split/train");
        assertThat(layout.modelDirectory("gbdt", "model", true)).hasToString("hdfs://nn:8020/models/run-7/gbdt");
        assertThat(layout.modelDirectory("gbdt", "model", false))
                .hasToString("hdfs://nn:8020/models/run-7/gbdt/model");
    }

    @Test
    void shouldEscapeNodeIdsAPathCannotHold() {
        assertThat(layout.tableOutput("a/b:c", "out put")).hasToString("file:/ws/run-7/nodes/a_2fb_3ac/out_20put");
        assertThat(layout.tableOutput("..", "x")).hasToString("file:/ws/run-7/nodes/_2e./x");
    }

    @Test
    void shouldRejectARunIdThatIsNotAPlainName() {
        assertThatThrownBy(() -> new RunLayout("../etc", new Path("file:/ws"), new Path("file:/m")))
                .hasMessageContaining("Run id '../etc'");
    }
}
