package io.easel.components.builtin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.components.testing.TestSpark;
import io.easel.graph.ExampleGraph;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RegressionEvaluationTest {

    /** Actual 1, 2, 3, 4 predicted 1.5, 2, 2, 5: residuals −0.5, 0, 1, −1; the last two rows are left out. */
    private static final TableData FOUR_ROWS = Tables.of("y:integer,predicted:double",
            new Object[] {1, 1.5}, new Object[] {2, 2.0}, new Object[] {3, 2.0}, new Object[] {4, 5.0},
            new Object[] {5, null}, new Object[] {null, 3.0});

    @Test
    @SuppressWarnings("unchecked")
    void shouldComputeEveryMetricOfAHandCheckedTable() {
        ReportData report = evaluate(FOUR_ROWS, Map.of("labelColumn", "y", "predictionColumn", "predicted"));

        Map<String, Object> m = report.metrics();
        assertThat(report.kind()).isEqualTo("regression");
        // squared residuals add up to 2.25; the actual values' variance is 1.25, the residuals' 0.546875
        assertThat((Double) m.get("rmse")).isCloseTo(0.75, within(1e-12));
        assertThat((Double) m.get("mae")).isCloseTo(0.625, within(1e-12));
        assertThat((Double) m.get("r2")).isCloseTo(1 - 0.5625 / 1.25, within(1e-12));
        assertThat((Double) m.get("explainedVariance")).isCloseTo(1 - 0.546875 / 1.25, within(1e-12));
        assertThat((Double) m.get("mape")).isCloseTo(100 * (0.5 + 0 + 1.0 / 3 + 0.25) / 4, within(1e-12));
        assertThat((Double) m.get("meanResidual")).isCloseTo(-0.125, within(1e-12));
        assertThat(m).containsEntry("rows", 4L).doesNotContainKey("mapeUndefined");

        Map<String, Object> histogram = (Map<String, Object>) report.charts().get("residuals");
        List<Double> edges = (List<Double>) histogram.get("edges");
        List<Long> counts = (List<Long>) histogram.get("counts");
        assertThat(edges).hasSize(21).first().isEqualTo(-1.0);
        assertThat(edges.getLast()).isEqualTo(1.0);
        assertThat(counts).hasSize(20);
        assertThat(List.of(counts.get(0), counts.get(5), counts.get(10), counts.get(19))).containsOnly(1L);
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        assertThat((List<List<Double>>) report.charts().get("predictedVsActual")).containsExactlyInAnyOrder(
                List.of(1.0, 1.5), List.of(2.0, 2.0), List.of(3.0, 2.0), List.of(4.0, 5.0));
    }

    @Test
    void shouldSayWhyMapeIsMissingWhenAnActualValueIsZero() {
        TableData withZero = Tables.of("y:double,prediction:double", new Object[] {0.0, 1.0},
                new Object[] {2.0, 1.0});

        ReportData report = evaluate(withZero, Map.of("labelColumn", "y"));

        assertThat(report.metrics()).doesNotContainKey("mape")
                .containsEntry("mapeUndefined", "1 of the 2 rows have an actual value of 0, which no percentage "
                        + "error can be taken of");
        assertThat((Double) report.metrics().get("rmse")).isCloseTo(1.0, within(1e-12));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDrawABoundedSampleOfPointsAndCountEveryResidual() {
        TableData many = TableData.source(TestSpark.session().range(5000)
                .selectExpr("CAST(id AS DOUBLE) AS y", "id + (id % 7) - 3 AS prediction"));

        ReportData report = evaluate(many, Map.of("labelColumn", "y"));

        assertThat((List<List<Double>>) report.charts().get("predictedVsActual")).hasSizeBetween(800, 1000)
                .allMatch(p -> p.get(1) - p.get(0) >= -3 && p.get(1) - p.get(0) <= 3);
        List<Long> counts = (List<Long>) ((Map<String, Object>) report.charts().get("residuals")).get("counts");
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(5000);
        assertThat(report.metrics()).containsEntry("rows", 5000L);
    }

    @Test
    void shouldAgreeWithSparksRegressionEvaluatorOnALinearRegressionOfDiabetesHeldBack() {
        TestRun run = TestRun.example(RegressionEvaluation.ID, 0);
        Map<String, Object> m = run.report(ExampleGraph.NODE, "report").metrics();
        Dataset<Row> scored = run.table(run.graph().edgesInto(ExampleGraph.NODE).getFirst().from().node(), "out")
                .rows();
        RegressionEvaluator spark = new RegressionEvaluator().setLabelCol("progression")
                .setPredictionCol("prediction");

        // reached R² 0.467, RMSE 60.0 on 82 held-back rows
        assertThat((Double) m.get("rmse")).isCloseTo(spark.setMetricName("rmse").evaluate(scored), within(1e-9));
        assertThat((Double) m.get("mae")).isCloseTo(spark.setMetricName("mae").evaluate(scored), within(1e-9));
        assertThat((Double) m.get("r2")).isCloseTo(spark.setMetricName("r2").evaluate(scored), within(1e-9))
                .isGreaterThan(0.35);
        assertThat(m).containsEntry("rows", scored.count()).containsKey("mape");
    }

    private static ReportData evaluate(TableData in, Map<String, Object> params) {
        return (ReportData) TestRun.execute(RegressionEvaluation.ID, params, Map.of("in", in)).get("report");
    }
}
