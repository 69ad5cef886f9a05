package io.easel.components.builtin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.components.testing.TestSpark;
import io.easel.graph.ExampleGraph;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MetadataBuilder;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class MulticlassClassificationEvaluationTest {

    /**
     * Actual a a a b b c, predicted a a b b c c; a row without a label and one without a prediction are left out.
     * Confusion (rows actual): a [2 1 0], b [0 1 1], c [0 0 1].
     */
    private static final TableData SIX_ROWS = Tables.of("label:string,predicted:string",
            new Object[] {"a", "a"}, new Object[] {"a", "a"}, new Object[] {"a", "b"}, new Object[] {"b", "b"},
            new Object[] {"b", "c"}, new Object[] {"c", "c"}, new Object[] {null, "a"}, new Object[] {"c", null});

    @Test
    void shouldComputeEveryMetricOfAHandCheckedTable() {
        ReportData report = evaluate(SIX_ROWS, Map.of("labelColumn", "label", "predictionColumn", "predicted"));

        Map<String, Object> m = report.metrics();
        assertThat(report.kind()).isEqualTo("multiclass-classification");
        assertThat((Double) m.get("accuracy")).isCloseTo(4.0 / 6, within(1e-12));
        // precision a 1, b 1/2, c 1/2; recall a 2/3, b 1/2, c 1; F1 a 0.8, b 0.5, c 2/3; support 3, 2, 1
        assertThat((Double) m.get("macroPrecision")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat((Double) m.get("macroRecall")).isCloseTo((2.0 / 3 + 0.5 + 1) / 3, within(1e-12));
        assertThat((Double) m.get("macroF1")).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-12));
        assertThat((Double) m.get("weightedPrecision")).isCloseTo((3 * 1 + 2 * 0.5 + 0.5) / 6, within(1e-12));
        assertThat((Double) m.get("weightedRecall")).isCloseTo(4.0 / 6, within(1e-12));
        assertThat((Double) m.get("weightedF1")).isCloseTo((3 * 0.8 + 2 * 0.5 + 2.0 / 3) / 6, within(1e-12));
        assertThat(m).containsEntry("classes", 3).containsEntry("rows", 6L).doesNotContainKey("logLoss");
        assertThat(report.charts().get("confusion")).isEqualTo(Map.of("labels", List.of("a", "b", "c"),
                "values", List.of(List.of(2L, 1L, 0L), List.of(0L, 1L, 1L), List.of(0L, 0L, 1L))));
        assertThat(report.charts().get("perClass")).isEqualTo(Map.of(
                "columns", List.of("class", "precision", "recall", "f1", "support"),
                "rows", List.of(List.of("a", 1.0, 2.0 / 3, 0.8, 3L), List.of("b", 0.5, 0.5, 0.5, 2L),
                        List.of("c", 0.5, 1.0, 2.0 / 3, 1L))));
    }

    @Test
    void shouldTakeTheLogLossFromTheProbabilityOfTheTrueClassWhereverItsSlotIs() {
        TableData scored = Tables.of("label:string,prediction:string,probability:vector",
                new Object[] {"a", "a", Vectors.dense(0.1, 0.7, 0.2)},
                new Object[] {"b", "a", Vectors.dense(0.4, 0.5, 0.1)},
                new Object[] {"c", "c", Vectors.dense(0.8, 0.1, 0.1)},
                new Object[] {"d", "a", Vectors.dense(0.2, 0.6, 0.2)});
        TableData withClasses = scored.withRows(scored.rows().withColumn("probability", scored.rows()
                .col("probability").as("probability", new MetadataBuilder()
                        .putStringArray(ModelData.CLASS_LABELS_METADATA, new String[] {"c", "a", "b"}).build())));

        ReportData report = evaluate(withClasses, Map.of("labelColumn", "label"));

        // d is a class the model never saw: probability 0, clipped to 1e-15
        double logLoss = -(Math.log(0.7) + Math.log(0.1) + Math.log(0.8) + Math.log(1e-15)) / 4;
        assertThat((Double) report.metrics().get("logLoss")).isCloseTo(logLoss, within(1e-12));
        assertThatThrownBy(() -> evaluate(scored, Map.of("labelColumn", "label", "probabilityColumn",
                "probability")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probability column 'probability' does not say which class")
                .hasMessageContaining("leave 'probabilityColumn' blank");
        assertThat(evaluate(scored, Map.of("labelColumn", "label")).metrics()).doesNotContainKey("logLoss");
    }

    @Test
    void shouldTellIrisSpeciesApartOnHeldBackRowsAndTakeTheLogLossOfTheTrueClass() {
        TestRun run = TestRun.example(MulticlassClassificationEvaluation.ID, 0);
        ReportData report = run.report(ExampleGraph.NODE, "report");
        List<Row> scored = scoredRowsOf(run, "species");
        ModelData model = run.model(run.graph().edgesInto(upstreamOf(run)).stream()
                .filter(e -> e.to().port().equals("model")).findFirst().orElseThrow().from().node(), "model");
        double logLoss = scored.stream().mapToDouble(r -> -Math.log(Math.max(1e-15,
                ((Vector) r.get(2)).apply(model.labels().indexOf(r.getString(0)))))).average().orElseThrow();

        // reached 1.0 on the 30 held-back rows, log loss 0.022
        assertThat((Double) report.metrics().get("accuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat((Double) report.metrics().get("logLoss")).isCloseTo(logLoss, within(1e-12)).isLessThan(0.2);
        assertThat(report.metrics()).containsEntry("classes", 3);
        assertAgreesWithSpark(report, scored, List.of("setosa", "versicolor", "virginica"));
    }

    @Test
    void shouldEvaluateTwoClassesAsSparkAndTheBinaryEvaluationAtOneHalfDo() {
        TestRun run = TestRun.example(MulticlassClassificationEvaluation.ID, 1);
        ReportData twoClasses = run.report(ExampleGraph.NODE, "report");
        ReportData binary = TestRun.example(BinaryClassificationEvaluation.ID, 0).report(ExampleGraph.NODE, "report");

        // accuracy 0.748 on 139 held-back rows: a confusion with errors on both sides
        assertThat(twoClasses.metrics()).containsEntry("classes", 2).containsEntry("rows", binary.metrics()
                .get("rows"));
        assertThat((Double) twoClasses.metrics().get("accuracy")).isCloseTo((Double) binary.metrics()
                .get("accuracy"), within(1e-12)).isLessThan(0.9);
        assertThat((Double) twoClasses.metrics().get("logLoss")).isCloseTo((Double) binary.metrics()
                .get("logLoss"), within(1e-9));
        assertAgreesWithSpark(twoClasses, scoredRowsOf(run, "class"), List.of("bad", "good"));
    }

    /** Accuracy, every average and the confusion matrix as Spark's {@link MulticlassMetrics} has them. */
    @SuppressWarnings("unchecked")
    private static void assertAgreesWithSpark(ReportData report, List<Row> scored, List<String> classes) {
        MulticlassMetrics spark = new MulticlassMetrics(JavaSparkContext.fromSparkContext(TestSpark.session()
                .sparkContext()).parallelize(scored.stream()
                        .map(r -> new Tuple2<Object, Object>((double) classes.indexOf(r.getString(1)),
                                (double) classes.indexOf(r.getString(0)))).toList()).rdd());
        double[] labels = spark.labels();
        Map<String, Object> m = report.metrics();

        assertThat((Double) m.get("accuracy")).isCloseTo(spark.accuracy(), within(1e-12));
        assertThat((Double) m.get("weightedPrecision")).isCloseTo(spark.weightedPrecision(), within(1e-12));
        assertThat((Double) m.get("weightedRecall")).isCloseTo(spark.weightedRecall(), within(1e-12));
        assertThat((Double) m.get("weightedF1")).isCloseTo(spark.weightedFMeasure(), within(1e-12));
        assertThat((Double) m.get("macroPrecision")).isCloseTo(java.util.Arrays.stream(labels)
                .map(spark::precision).average().orElseThrow(), within(1e-12));
        assertThat((Double) m.get("macroRecall")).isCloseTo(java.util.Arrays.stream(labels)
                .map(spark::recall).average().orElseThrow(), within(1e-12));
        assertThat((Double) m.get("macroF1")).isCloseTo(java.util.Arrays.stream(labels)
                .map(spark::fMeasure).average().orElseThrow(), within(1e-12));
        assertThat(m).containsEntry("rows", (long) scored.size());
        Map<String, Object> confusion = (Map<String, Object>) report.charts().get("confusion");
        assertThat(confusion.get("labels")).isEqualTo(classes);
        List<List<Long>> values = (List<List<Long>>) confusion.get("values");
        for (int actual = 0; actual < classes.size(); actual++) {
            for (int predicted = 0; predicted < classes.size(); predicted++) {
                assertThat(values.get(actual).get(predicted)).isEqualTo(
                        (long) spark.confusionMatrix().apply(actual, predicted));
            }
        }
    }

    /** The scored rows the example's evaluation read: label, prediction, probability. */
    private static List<Row> scoredRowsOf(TestRun run, String label) {
        return run.table(upstreamOf(run), "out").rows().select(label, "prediction", "probability").collectAsList();
    }

    @Test
    void shouldSendAContinuousLabelToTheRegressionEvaluation() {
        TableData numbers = TableData.source(TestSpark.session().range(300).selectExpr("id AS y", "id + 1 AS p"));

        assertThatThrownBy(() -> evaluate(numbers, Map.of("labelColumn", "y", "predictionColumn", "p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 200 distinct values").hasMessageContaining("regression-evaluation");
    }

    private static ReportData evaluate(TableData in, Map<String, Object> params) {
        return (ReportData) TestRun.execute(MulticlassClassificationEvaluation.ID, params, Map.of("in", in))
                .get("report");
    }

    private static String upstreamOf(TestRun run) {
        return run.graph().edgesInto(ExampleGraph.NODE).getFirst().from().node();
    }
}
