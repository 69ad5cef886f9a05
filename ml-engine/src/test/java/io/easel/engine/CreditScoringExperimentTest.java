package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.ModelSpec;
import io.easel.component.ReportSpec;
import io.easel.component.TableSpec;
import io.easel.run.ModelDescription;
import io.easel.engine.report.EngineJson;
import io.easel.run.RunStatus;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classic credit-scoring flow end to end: German credit → type conversion → 85/15 split → GBDT → predict →
 * evaluate, plus feature importance on the model.
 */
class CreditScoringExperimentTest {

    private static final List<String> NODES = List.of("data", "convert", "split", "gbdt", "predict", "evaluate",
            "importance");
    private static final ObjectMapper JSON = EngineJson.mapper();

    private final EngineRun run = CreditScoringRun.run();

    @Test
    void shouldSucceedOnEveryNode() {
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        for (String node : NODES) {
            assertThat(run.states(node)).as(node)
                    .containsExactly(NodeState.QUEUED, NodeState.RUNNING, NodeState.SUCCEEDED);
        }
    }

    @Test
    void shouldReportEventsInRunOrder() {
        List<RunEvent> events = run.events();

        assertThat(events.getFirst()).isInstanceOf(RunEvent.RunStarted.class);
        assertThat(((RunEvent.RunStarted) events.getFirst()).sparkAppId()).isNotBlank();
        assertThat(events.getLast()).isInstanceOfSatisfying(RunEvent.RunFinished.class, finished -> {
            assertThat(finished.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(finished.message()).isEqualTo("All 7 nodes succeeded");
        });
        List<String> queued = statusOrder(events, NodeState.QUEUED);
        assertThat(queued).containsExactlyInAnyOrderElementsOf(NODES);
        assertThat(events.subList(1, 1 + NODES.size())).allMatch(e -> e instanceof RunEvent.NodeStatusChanged s
                && s.state() == NodeState.QUEUED);
        List<String> finished = statusOrder(events, NodeState.SUCCEEDED);
        assertThat(finished.indexOf("data")).isLessThan(finished.indexOf("convert"));
        assertThat(finished.indexOf("split")).isLessThan(finished.indexOf("gbdt"));
        assertThat(finished.indexOf("gbdt")).isLessThan(finished.indexOf("predict"));
        assertThat(finished.indexOf("predict")).isLessThan(finished.indexOf("evaluate"));
        assertThat(finished.indexOf("gbdt")).isLessThan(finished.indexOf("importance"));
        // A node's outputs and exports come after it runs and before it is reported succeeded.
        for (String node : NODES) {
            int running = indexOf(events, node, NodeState.RUNNING);
            int succeeded = indexOf(events, node, NodeState.SUCCEEDED);
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof RunEvent.NodeOutput o && o.nodeId().equals(node)
                        || events.get(i) instanceof RunEvent.ModelExported m && m.nodeId().equals(node)) {
                    assertThat(i).as("event %s of %s", i, node).isBetween(running, succeeded);
                }
            }
        }
        assertThat(events).filteredOn(e -> e.at() <= 0).isEmpty();
    }

    @Test
    void shouldPostTheSameEventsToTheCallback() {
        // The callback also carries task progress, which the event log leaves out (it is not kept).
        List<RunEvent> posted = CreditScoringRun.callbackEvents();
        assertThat(posted.stream().filter(e -> !(e instanceof RunEvent.NodeProgress)).toList())
                .containsExactlyElementsOf(run.events());
        assertThat(posted).filteredOn(RunEvent.NodeProgress.class::isInstance).isNotEmpty();
        assertThat(CreditScoringRun.callbackRequests()).allSatisfy(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer test-token");
            assertThat(request.batch().runId()).isEqualTo(CreditScoringRun.RUN_ID);
        });
    }

    @Test
    void shouldScoreTheHeldOutCustomersWithAnAucAboveSevenTenths() {
        PortResult report = run.output("evaluate", "report");

        assertThat(report.spec()).isInstanceOfSatisfying(ReportSpec.class,
                spec -> assertThat(spec.metricNames()).contains("auc"));
        assertThat(((Number) report.metrics().get("auc")).doubleValue()).isGreaterThan(0.7);
        assertThat(report.charts()).containsKey("roc");
    }

    @Test
    void shouldWriteEveryTableToTheWorkspaceAndSummarizeIt() {
        PortResult converted = run.output("convert", "out");
        PortResult train = run.output("split", "train");
        PortResult test = run.output("split", "test");
        PortResult scored = run.output("predict", "out");

        assertThat(((TableSpec) converted.spec()).column("duration")).contains(ColumnSpec.of("duration",
                DataType.DOUBLE));
        assertThat(((TableSpec) converted.spec()).column("class")).contains(ColumnSpec.of("class", DataType.STRING));
        assertThat(converted.rowCount()).isEqualTo(1000);
        assertThat(train.rowCount() + test.rowCount()).isEqualTo(1000);
        assertThat(test.rowCount()).isBetween(100L, 200L);
        assertThat(scored.rowCount()).isEqualTo(test.rowCount());
        assertThat(converted.sampleRows()).hasSize(50).allSatisfy(row -> assertThat(row).hasSize(21));
        assertThat(Path.of(URI.create(train.location()))).isEqualTo(run.runDirectory().resolve("nodes/split/train"))
                .isDirectory();

        TableSpec scoredSpec = (TableSpec) scored.spec();
        assertThat(scoredSpec.columnNames()).endsWith("prediction", "probability", "score");
        int probability = scoredSpec.columnNames().indexOf("probability");
        int score = scoredSpec.columnNames().indexOf("score");
        assertThat(scored.sampleRows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get(probability)).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.list(Double.class)).hasSize(2);
            assertThat((Double) row.get(score)).isBetween(0.0, 1.0);
        });
        PortResult importances = run.output("importance", "out");
        assertThat(importances.rowCount()).isEqualTo(20);
        assertThat(importances.sampleRows()).hasSize(20).extracting(row -> ((Number) row.get(1)).doubleValue())
                .as("most important first, as stored and read back")
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void shouldExportTheScoringPipelineAsPmmlTakingRawRecords() throws Exception {
        Path modelDir = run.modelStore().resolve(CreditScoringRun.RUN_ID).resolve("gbdt");
        Path pmml = modelDir.resolve("model.pmml");
        assertThat(pmml).isRegularFile();
        assertThat(Files.readString(pmml)).contains("<PMML", "DataDictionary", "credit_amount");

        ModelDescription description = JSON.readValue(modelDir.resolve("model.json").toFile(),
                ModelDescription.class);
        assertThat(description.algorithm()).isEqualTo("gbdt-classifier");
        assertThat(description.label()).isEqualTo(ColumnSpec.of("class", DataType.STRING));
        assertThat(description.classLabels()).containsExactlyInAnyOrder("good", "bad");
        assertThat(description.inputs()).hasSize(20)
                .contains(ColumnSpec.of("duration", DataType.INTEGER), ColumnSpec.of("purpose", DataType.STRING))
                .doesNotContain(ColumnSpec.of("class", DataType.STRING));
        assertThat(description.metrics()).containsKey("trees");
        assertThat(description.pmml()).isEqualTo("model.pmml");

        RunEvent.ModelExported exported = run.exports().getFirst();
        assertThat(run.exports()).hasSize(1);
        assertThat(exported.nodeId()).isEqualTo("gbdt");
        assertThat(exported.port()).isEqualTo("model");
        assertThat(Path.of(URI.create(exported.uri()))).isEqualTo(pmml);
        assertThat(exported.inputs()).isEqualTo(description.inputs());
        assertThat(exported.label()).isEqualTo(description.label());

        PortResult model = run.output("gbdt", "model");
        assertThat(model.spec()).isInstanceOfSatisfying(ModelSpec.class, spec -> {
            assertThat(spec.label().name()).isEqualTo("class");
            assertThat(spec.features()).hasSize(20).contains(ColumnSpec.of("duration", DataType.DOUBLE));
        });
        assertThat(model.location()).isEqualTo(exported.uri());
    }

    @Test
    void shouldLeaveTheOutcomeInTheWorkspace() {
        RunStatus status = run.status();

        assertThat(status.runId()).isEqualTo(CreditScoringRun.RUN_ID);
        assertThat(status.finished().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(status.started()).isEqualTo(run.events().getFirst());
        assertThat(status.nodes()).extracting(RunEvent.NodeStatusChanged::nodeId)
                .containsExactlyInAnyOrderElementsOf(NODES);
        assertThat(status.nodes()).allMatch(n -> n.state() == NodeState.SUCCEEDED);
        assertThat(status.models()).containsExactlyElementsOf(run.exports());
    }

    private static List<String> statusOrder(List<RunEvent> events, NodeState state) {
        List<String> order = new ArrayList<>();
        for (RunEvent e : events) {
            if (e instanceof RunEvent.NodeStatusChanged s && s.state() == state) {
                order.add(s.nodeId());
            }
        }
        return order;
    }

    private static int indexOf(List<RunEvent> events, String node, NodeState state) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof RunEvent.NodeStatusChanged s && s.nodeId().equals(node)
                    && s.state() == state) {
                return i;
            }
        }
        throw new AssertionError("no " + state + " for " + node);
    }
}
