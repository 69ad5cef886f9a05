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
import io.easel.graph.PortRef;
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
    void shouldRoundTripAModelExportWithItsLineage() throws Exception {
        var lineage = new ModelLineage("gbdt", List.of(
                new ModelLineage.Step("data", "read-csv", 1, Map.of("path", "credit.csv", "header", true),
                        Map.of(), new ModelLineage.SourceData(List.of(
                                new ModelLineage.SourceFile("file:/data/credit.csv", 79_845, 1_764_000_000_000L)), 1)),
                new ModelLineage.Step("gbdt", "gbdt-classifier", 1, Map.of("labelColumn", "class", "maxIter", 20),
                        Map.of("in", new PortRef("data", "out")), null)),
                new ModelLineage.Versions("4.0.1", "3.2.0", "0.1.0-SNAPSHOT"), "ab".repeat(32));
        var exported = new RunEvent.ModelExported("gbdt", "model", "file:/models/r1/gbdt/model.pmml",
                List.of(ColumnSpec.of("age", DataType.INTEGER)), ColumnSpec.of("class", DataType.STRING),
                Map.of("trees", 20), 9L, lineage);

        String text = json.writeValueAsString(exported);

        assertThat(text).contains("\"type\":\"model-exported\"", "\"pmmlSha256\":\"abab",
                "\"inputs\":{\"in\":{\"node\":\"data\",\"port\":\"out\"}}",
                "\"files\":[{\"path\":\"file:/data/credit.csv\",\"size\":79845,\"modifiedAt\":1764000000000}]",
                "\"versions\":{\"spark\":\"4.0.1\",\"jpmmlSparkml\":\"3.2.0\",\"easel\":\"0.1.0-SNAPSHOT\"}");
        assertThat(json.readValue(text, RunEvent.class)).isEqualTo(exported);
        // An export from an engine older than lineage still reads, without one.
        assertThat(((RunEvent.ModelExported) json.readValue("{\"type\":\"model-exported\",\"nodeId\":\"gbdt\","
                + "\"port\":\"model\",\"uri\":\"file:/m.pmml\",\"at\":1}", RunEvent.class)).lineage()).isNull();
    }

    @Test
    void shouldRoundTripAModelExportWithItsTrainingProfile() throws Exception {
        var profile = new TrainingProfile(1000, List.of(
                new TrainingProfile.Feature("age", TrainingProfile.Kind.NUMERIC, List.of(30.0, 45.0), List.of(),
                        List.of(0.3, 0.4, 0.2, 0.1)),
                new TrainingProfile.Feature("housing", TrainingProfile.Kind.CATEGORICAL, List.of(), List.of("own"),
                        List.of(0.7, 0.3, 0.0))), null);
        var exported = new RunEvent.ModelExported("gbdt", "model", "file:/models/r1/gbdt/model.pmml",
                List.of(ColumnSpec.of("age", DataType.INTEGER)), ColumnSpec.of("class", DataType.STRING),
                Map.of(), 9L, null, null, profile);

        String text = json.writeValueAsString(exported);

        assertThat(text).contains("\"profile\":{\"rows\":1000,\"features\":[{\"name\":\"age\",\"kind\":\"NUMERIC\","
                + "\"edges\":[30.0,45.0],\"categories\":[],\"shares\":[0.3,0.4,0.2,0.1]}");
        assertThat(json.readValue(text, RunEvent.class)).isEqualTo(exported);
        assertThat(profile.features().get(0).binCount()).isEqualTo(4);
        assertThat(profile.features().get(1).missingBin()).isEqualTo(2);
        assertThat(TrainingProfile.notProfiled("no rows").profiled()).isFalse();
    }

    @Test
    void shouldRoundTripAModelExportWithItsParityReport() throws Exception {
        var exported = new RunEvent.ModelExported("gbdt", "model", "file:/models/r1/gbdt/model.pmml",
                List.of(ColumnSpec.of("age", DataType.INTEGER)), ColumnSpec.of("class", DataType.STRING),
                Map.of("trees", 20), 9L, null, ParityReport.of(240, 40, 2, 3.3e-16, 0));

        String text = json.writeValueAsString(exported);

        assertThat(text).contains("\"parity\":{\"rowsCompared\":240,\"perturbedRows\":40,\"refusedBySpark\":2,"
                + "\"maxDifference\":3.3E-16,\"labelMismatches\":0,\"flagged\":false,\"summary\":\"PMML agrees with "
                + "Spark on 240 rows (max difference 3.3e-16; Spark refused 2 rows)\"}");
        assertThat(json.readValue(text, RunEvent.class)).isEqualTo(exported);
        // A model.json from before the parity check still reads, without a report.
        assertThat(json.readValue("{\"formatVersion\":1,\"runId\":\"r1\",\"nodeId\":\"gbdt\",\"exportedAt\":1}",
                ModelDescription.class).parity()).isNull();
    }

    @Test
    void shouldFlagAParityReportBeyondTheTolerance() {
        assertThat(ParityReport.of(240, 40, 0, 2e-9, 0).flagged()).isTrue();
        assertThat(ParityReport.of(240, 40, 0, 1e-9, 0).flagged()).isFalse();
        assertThat(ParityReport.of(240, 40, 0, 0, 1).summary())
                .isEqualTo("PMML disagrees with Spark on 240 rows: 1 predicted label differs, max difference 0");
        assertThat(ParityReport.notChecked(ParityReport.Unchecked.NO_ROWS, "no rows").flagged()).isFalse();
    }

    @Test
    void shouldKnowTheEaselVersionThatBuiltIt() {
        assertThat(EaselBuild.version()).isNotBlank().doesNotContain("${").isNotEqualTo("unknown");
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
