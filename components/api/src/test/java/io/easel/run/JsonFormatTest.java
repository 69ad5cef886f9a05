package io.easel.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.ModelSpec;
import io.easel.component.TableSpec;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.Note;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the server and engine exchange must read back to equal values, in the documented shape. */
class JsonFormatTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldReadTheDocumentedExperimentFormat() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/credit-scoring-example.json")) {
            ExperimentGraph graph = json.readValue(in, ExperimentGraph.class);

            assertThat(graph.nodes()).extracting(Node::id).containsExactly("data", "split");
            Node split = graph.node("split").orElseThrow();
            assertThat(split.params()).containsEntry("fraction", 0.85).containsEntry("seed", 7);
            assertThat(split.label()).isEqualTo("85/15 split");
            assertThat(split.position().y()).isEqualTo(160);
            assertThat(graph.edgesInto("split")).singleElement()
                    .satisfies(e -> assertThat(e.from().toString()).isEqualTo("data.out"));
            assertThat(json.readValue(json.writeValueAsString(graph), ExperimentGraph.class)).isEqualTo(graph);
        }
    }

    @Test
    void shouldKeepCanvasNotesAndLeaveThemOutOfAGraphWithout() throws Exception {
        ExperimentGraph bare = new ExperimentGraph(ExperimentGraph.FORMAT_VERSION,
                List.of(Node.of("data", "sample-dataset", Map.of("dataset", "iris"))), List.of());
        ExperimentGraph noted = new ExperimentGraph(bare.formatVersion(), bare.nodes(), bare.edges(),
                List.of(new Note("note-1", "Iris: 150 rows,\nthree classes", new Node.Position(300, 40))));

        assertThat(json.writeValueAsString(bare)).doesNotContain("notes");
        assertThat(json.readValue(json.writeValueAsString(noted), ExperimentGraph.class)).isEqualTo(noted);
        assertThat(json.readValue("{\"formatVersion\":1,\"nodes\":[]}", ExperimentGraph.class).notes()).isEmpty();
    }

    @Test
    void shouldRoundTripRunEventsWithTheirSpecs() throws Exception {
        var table = TableSpec.of(ColumnSpec.of("age", DataType.INTEGER), ColumnSpec.of("p", DataType.VECTOR));
        var model = new ModelSpec("gbdt-classifier", ColumnSpec.of("class", DataType.STRING),
                List.of(ColumnSpec.of("age", DataType.INTEGER)), List.of(ColumnSpec.of("score", DataType.DOUBLE)));
        var batch = new RunEventBatch("r1", 3, List.of(
                new RunEvent.NodeStatusChanged("n1", NodeState.FAILED, "boom", 5L),
                new RunEvent.NodeOutput("n1", "out", PortResult.ofTable(table, 10, List.of(List.of(1, "x")), null), 6L),
                new RunEvent.NodeOutput("n2", "model", new PortResult(model, null, null, Map.of("trees", 20), null,
                        null), 7L),
                new RunEvent.NodeProgress("n2", 3, 8, 7L),
                new RunEvent.RunFinished(RunState.FAILED, "node n1 failed", 8L)));

        String text = json.writeValueAsString(batch);

        assertThat(text).contains("\"type\":\"node-status\"", "\"state\":\"failed\"", "\"kind\":\"table\"",
                "\"type\":\"vector\"",
                "{\"type\":\"node-progress\",\"nodeId\":\"n2\",\"tasksDone\":3,\"tasksTotal\":8");
        assertThat(json.readValue(text, RunEventBatch.class)).isEqualTo(batch);
    }

    @Test
    void shouldRefuseProgressWithMoreTasksDoneThanStarted() {
        assertThatThrownBy(() -> new RunEvent.NodeProgress("n1", 9, 8, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Progress 9 of 8 tasks");
    }

    @Test
    void shouldWriteALogLineWithoutTheFieldsItLacks() throws Exception {
        var line = new RunLogLine(5L, "WARN", "split", "TaskSetManager", "Lost task 0.0", null);

        String text = json.writeValueAsString(line);

        assertThat(text).isEqualTo("{\"at\":5,\"level\":\"WARN\",\"node\":\"split\",\"logger\":\"TaskSetManager\","
                + "\"message\":\"Lost task 0.0\"}");
        assertThat(json.readValue(text, RunLogLine.class)).isEqualTo(line);
        assertThat(json.readValue("{\"at\":1,\"level\":\"INFO\",\"message\":\"x\",\"thread\":\"main\"}",
                RunLogLine.class).node()).isNull();
    }
}
