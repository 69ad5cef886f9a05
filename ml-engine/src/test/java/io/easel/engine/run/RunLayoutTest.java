package io.easel.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** The shared workspace layout, resolved against the engine's roots (the layout itself: WorkspaceLayoutTest). */
class RunLayoutTest {

    private final RunLayout layout = new RunLayout("run-7", new Path("file:/ws"), new Path("hdfs://nn:8020/models"));

    @Test
    void shouldResolveTheSharedLayoutAgainstWorkspaceAndModelStore() {
        assertThat(layout.events()).hasToString("file:/ws/run-7/events.jsonl");
        assertThat(layout.status()).hasToString("file:/ws/run-7/status.json");
        assertThat(layout.tableOutput("a/b", "train")).hasToString("file:/ws/run-7/nodes/a_2fb/train");
        assertThat(layout.modelDirectory("gbdt", "model", true)).hasToString("hdfs://nn:8020/models/run-7/gbdt");
    }
}
