package io.easel.components.builtin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Scenarios;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryClassificationEvaluationTest {

    /** Two positives scored 0.9 and 0.4, two negatives scored 0.6 and 0.1: 3 of 4 pairs ranked right. */
    private static final TableData FOUR_ROWS = Tables.of("label:string,p:double",
            new Object[] {"yes", 0.9}, new Object[] {"yes", 0.4}, new Object[] {"no", 0.6}, new Object[] {"no", 0.1},
            new Object[] {null, 0.5}, new Object[] {"no", null});

    @Test
    void shouldComputeEveryMetricOnAHandCheckedExample() {
        ReportData report = evaluate(FOUR_ROWS, Map.of("labelColumn", "label", "scoreColumn", "p",
                "positiveLabel", "yes"));

        assertThat(report.kind()).isEqualTo("binary-classification");
        Map<String, Object> m = report.metrics();
        assertThat((Double) m.get("auc")).isCloseTo(0.75, within(1e-12));
        assertThat((Double) m.get("ks")).isCloseTo(0.5, within(1e-12));
        assertThat((Double) m.get("accuracy")).isCloseTo(0.5, within(1e-12));
        assertThat((Double) m.get("precision")).isCloseTo(0.5, within(1e-12));
        assertThat((Double) m.get("recall")).isCloseTo(0.5, within(1e-12));
        assertThat((Double) m.get("f1")).isCloseTo(0.5, within(1e-12));
        double logLoss = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.4) + Math.log(0.9)) / 4;
        assertThat((Double) m.get("logLoss")).isCloseTo(logLoss, within(1e-12));
        assertThat(m).containsEntry("positives", 2L).containsEntry("negatives", 2L).containsEntry("rows", 4L)
                .containsEntry("positiveLabel", "yes").containsEntry("threshold", 0.5);
        assertThat((Double) m.get("prAuc")).isBetween(0.0, 1.0);
    }

    @Test
    void shouldMoveTheConfusionWithTheThreshold() {
        ReportData report = evaluate(FOUR_ROWS, Map.of("labelColumn", "label", "scoreColumn", "p",
                "positiveLabel", "yes", "threshold", 0.3));

        assertThat((Double) report.metrics().get("recall")).isEqualTo(1.0);
        assertThat((Double) report.metrics().get("precision")).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void shouldEvaluateCreditPredictionsWithTheModelsPositiveLabelAndGoodAuc() {
        ReportData report = Scenarios.credit().report("evaluate", "report");

        assertThat(report.metrics()).containsEntry("positiveLabel", "bad");
        assertThat((Double) report.metrics().get("auc")).isGreaterThan(0.7);
        assertThat((Long) report.metrics().get("rows")).isEqualTo(Scenarios.credit().table("split", "test").rows()
                .count());
        assertThat(report.metrics().keySet()).containsExactlyInAnyOrderElementsOf(
                BinaryClassificationEvaluation.SPEC.metricNames());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDrawRocAndPrCurvesWithAtMostOneHundredAndOnePoints() {
        ReportData report = Scenarios.credit().report("evaluate", "report");

        List<List<Double>> roc = (List<List<Double>>) report.charts().get("roc");
        List<List<Double>> pr = (List<List<Double>>) report.charts().get("pr");
        assertThat(roc).hasSizeBetween(10, 101).first().isEqualTo(List.of(0.0, 0.0));
        assertThat(roc).last().isEqualTo(List.of(1.0, 1.0));
        assertThat(roc).extracting(p -> p.get(0)).isSorted();
        assertThat(pr).hasSizeBetween(10, 101).allMatch(p -> p.size() == 2);
    }

    @Test
    void shouldAskForThePositiveLabelWhenTheScoreDoesNotCarryIt() {
        assertThatThrownBy(() -> evaluate(FOUR_ROWS, Map.of("labelColumn", "label", "scoreColumn", "p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'positiveLabel'").hasMessageContaining("'p'");
    }

    @Test
    void shouldRefuseToEvaluateWhenOneClassIsMissing() {
        assertThatThrownBy(() -> evaluate(FOUR_ROWS, Map.of("labelColumn", "label", "scoreColumn", "p",
                "positiveLabel", "maybe")))
                .hasMessageContaining("0 rows with the positive label 'maybe'");
    }

    private static ReportData evaluate(TableData in, Map<String, Object> params) {
        return (ReportData) TestRun.execute("binary-classification-evaluation", params, Map.of("in", in))
                .get("report");
    }
}
