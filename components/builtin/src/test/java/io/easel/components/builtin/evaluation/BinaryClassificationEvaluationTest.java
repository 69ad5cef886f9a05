package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Scenarios;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MetadataBuilder;
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
    @SuppressWarnings("unchecked")
    void shouldDrawHandCheckedTargetingCurvesAndFindTheKsThreshold() {
        ReportData report = evaluate(FOUR_ROWS, Map.of("labelColumn", "label", "scoreColumn", "p",
                "positiveLabel", "yes"));

        // targeted by score 0.9 (yes), 0.6 (no), 0.4 (yes), 0.1 (no)
        assertThat(report.charts().get("gain")).isEqualTo(List.of(List.of(0.0, 0.0), List.of(0.25, 0.5),
                List.of(0.5, 0.5), List.of(0.75, 1.0), List.of(1.0, 1.0)));
        List<List<Double>> lift = (List<List<Double>>) report.charts().get("lift");
        assertThat(lift).extracting(p -> p.get(0)).containsExactly(0.25, 0.5, 0.75, 1.0);
        assertThat(lift).extracting(p -> p.get(1)).usingComparatorForType(closeTo(), Double.class)
                .containsExactly(2.0, 1.0, 4.0 / 3, 1.0);
        assertThat(report.charts().get("ks")).isEqualTo(List.of(List.of(0.0, 0.0), List.of(0.25, 0.5),
                List.of(0.5, 0.0), List.of(0.75, 0.5), List.of(1.0, 0.0)));
        // the gap of 0.5 is reached at 0.9 and at 0.4: the higher threshold is reported
        assertThat(report.metrics()).containsEntry("ks", 0.5).containsEntry("ksThreshold", 0.9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCountTheConfusionAtEveryHundredthAndAtTheChosenThreshold() {
        ReportData report = evaluate(FOUR_ROWS, Map.of("labelColumn", "label", "scoreColumn", "p",
                "positiveLabel", "yes", "threshold", 0.375));

        Map<String, Object> table = (Map<String, Object>) report.charts().get("thresholds");
        List<String> columns = (List<String>) table.get("columns");
        List<List<Object>> rows = (List<List<Object>>) table.get("rows");
        assertThat(columns).containsExactly("threshold", "tpr", "fpr", "precision", "recall", "f1", "accuracy",
                "predictedPositiveShare", "truePositives", "falsePositives", "trueNegatives", "falseNegatives");
        assertThat(rows).hasSize(102).extracting(r -> (Double) r.get(0)).isSorted().contains(0.0, 0.01, 0.375, 1.0);
        // at 0.375: 0.9 and 0.4 (both yes) and 0.6 (no) are positive
        assertThat(rows).filteredOn(r -> r.get(0).equals(0.375)).singleElement().isEqualTo(List.of(0.375, 1.0, 0.5,
                2.0 / 3, 1.0, 0.8, 0.75, 0.75, 2L, 1L, 1L, 0L));
        assertThat(rows.getFirst()).containsSequence(0.0, 1.0, 1.0).endsWith(2L, 2L, 0L, 0L);
        assertThat(rows.getLast()).endsWith(0.0, 0L, 0L, 2L, 2L);
        assertThat((Double) report.metrics().get("f1")).isEqualTo(0.8);
    }

    @Test
    void shouldCutMarginsAtZeroAndSpreadTheThresholdsOverTheirRange() {
        TableData margins = FOUR_ROWS.withRows(FOUR_ROWS.rows().selectExpr("label", "(p - 0.5) * 4 AS m")
                .withColumn("m", org.apache.spark.sql.functions.col("m").as("m", new MetadataBuilder()
                        .putBoolean(ModelData.SCORE_IS_PROBABILITY_METADATA, false).build())));

        ReportData report = evaluate(margins, Map.of("labelColumn", "label", "scoreColumn", "m",
                "positiveLabel", "yes"));

        // margins 1.6 (yes), 0.4 (no), -0.4 (yes), -1.6 (no); cut at 0
        assertThat(report.metrics()).containsEntry("threshold", 0.0).containsEntry("precision", 0.5)
                .containsEntry("recall", 0.5).doesNotContainKey("logLoss");
        assertThat((Double) report.metrics().get("auc")).isCloseTo(0.75, within(1e-12));
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) report.charts().get("thresholds"))
                .get("rows");
        assertThat(rows).extracting(r -> (Double) r.get(0)).contains(0.0).first(org.assertj.core.api
                .InstanceOfAssertFactories.DOUBLE).isCloseTo(-1.6, within(1e-12));
        assertThat((Double) rows.getLast().get(0)).isCloseTo(1.6, within(1e-12));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAgreeBetweenTheThresholdTableTheConfusionAndTheCurvesOnCredit() {
        ReportData report = Scenarios.credit().report("evaluate", "report");
        Map<String, Object> m = report.metrics();

        List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) report.charts().get("thresholds"))
                .get("rows");
        assertThat(rows).hasSize(101);
        List<Object> atHalf = rows.get(50);
        assertThat(atHalf.get(0)).isEqualTo(0.5);
        assertThat(atHalf.subList(3, 7)).containsExactly(m.get("precision"), m.get("recall"), m.get("f1"),
                m.get("accuracy"));
        for (List<Object> row : rows) {
            assertThat(row.get(1)).isEqualTo(row.get(4));
            assertThat((Long) row.get(8) + (Long) row.get(11)).isEqualTo(m.get("positives"));
            assertThat((Long) row.get(9) + (Long) row.get(10)).isEqualTo(m.get("negatives"));
        }
        assertThat(rows).extracting(r -> (Double) r.get(7)).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        List<List<Double>> gain = (List<List<Double>>) report.charts().get("gain");
        assertThat(gain).hasSizeBetween(10, 101).first().isEqualTo(List.of(0.0, 0.0));
        assertThat(gain).last().isEqualTo(List.of(1.0, 1.0));
        assertThat(gain).extracting(p -> p.get(0)).isSorted();
        assertThat(gain).extracting(p -> p.get(1)).isSorted();
        List<List<Double>> lift = (List<List<Double>>) report.charts().get("lift");
        assertThat(lift).extracting(p -> p.get(0)).isSorted().allMatch(x -> x > 0);
        assertThat(lift.getLast()).isEqualTo(List.of(1.0, 1.0));
        assertThat(lift.getFirst().get(1)).isGreaterThan(1.0);
        List<List<Double>> ks = (List<List<Double>>) report.charts().get("ks");
        assertThat(ks).extracting(p -> p.get(1)).allMatch(gap -> gap <= (Double) m.get("ks") + 1e-12)
                .anyMatch(gap -> gap > 0.5 * (Double) m.get("ks"));
        assertThat((Double) m.get("ksThreshold")).isBetween(0.0, 1.0);
    }

    @Test
    void shouldMatchSparksAucOnBreastCancer() {
        TestRun run = breastCancer(0.5);
        ReportData report = run.report("evaluate", "report");

        BinaryClassificationEvaluator spark = new BinaryClassificationEvaluator().setRawPredictionCol("s")
                .setLabelCol("y");
        Dataset<Row> pairs = pairs(run, report);
        // reached: 0.93 by a logistic regression on the 30 unscaled measurements
        assertThat((Double) report.metrics().get("auc")).isGreaterThan(0.9)
                .isCloseTo(spark.setMetricName("areaUnderROC").evaluate(pairs), within(1e-12));
        assertThat((Double) report.metrics().get("prAuc"))
                .isCloseTo(spark.setMetricName("areaUnderPR").evaluate(pairs), within(1e-12));
    }

    @Test
    void shouldFindTheKsAsTheLargestGapBetweenTheClassesScoreDistributions() {
        TestRun run = breastCancer(0.5);
        ReportData report = run.report("evaluate", "report");
        List<Row> pairs = pairs(run, report).collectAsList();
        double[] positives = pairs.stream().filter(r -> r.getDouble(1) == 1.0).mapToDouble(r -> r.getDouble(0))
                .sorted().toArray();
        double[] negatives = pairs.stream().filter(r -> r.getDouble(1) == 0.0).mapToDouble(r -> r.getDouble(0))
                .sorted().toArray();

        // The empirical distribution functions of the two classes only step at a score; their gap is largest at one.
        double largestGap = pairs.stream().mapToDouble(r -> r.getDouble(0)).distinct()
                .map(t -> Math.abs(shareAtOrBelow(negatives, t) - shareAtOrBelow(positives, t))).max().orElseThrow();

        assertThat((Double) report.metrics().get("ks")).isGreaterThan(0.8).isCloseTo(largestGap, within(1e-12));
        double ksThreshold = (Double) report.metrics().get("ksThreshold");
        assertThat(shareAtOrAbove(positives, ksThreshold) - shareAtOrAbove(negatives, ksThreshold))
                .as("the gap at the reported threshold").isCloseTo(largestGap, within(1e-12));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCountTheConfusionAtEveryThresholdAsAHandCountDoes() {
        TestRun run = breastCancer(0.3);
        ReportData report = run.report("evaluate", "report");
        List<Row> pairs = pairs(run, report).collectAsList();

        List<List<Object>> table = (List<List<Object>>) ((Map<String, Object>) report.charts().get("thresholds"))
                .get("rows");
        assertThat(table).as("one row per hundredth, 0.3 among them").hasSize(101);
        for (List<Object> row : table) {
            double threshold = (Double) row.get(0);
            long[] counted = new long[4];
            for (Row pair : pairs) {
                boolean predictedPositive = pair.getDouble(0) >= threshold;
                boolean positive = pair.getDouble(1) == 1.0;
                counted[(positive ? 0 : 2) + (predictedPositive == positive ? 0 : 1)]++;
            }
            // truePositives, falseNegatives, trueNegatives, falsePositives
            assertThat(List.of(row.get(8), row.get(11), row.get(10), row.get(9))).as("at %s", threshold)
                    .containsExactly(counted[0], counted[1], counted[2], counted[3]);
        }
        List<Object> atChosen = table.get(30);
        assertThat(atChosen.get(0)).isEqualTo(0.3);
        long truePositives = (Long) atChosen.get(8);
        assertThat((Double) report.metrics().get("precision"))
                .isEqualTo((double) truePositives / (truePositives + (Long) atChosen.get(9)));
        assertThat((Double) report.metrics().get("recall"))
                .isEqualTo((double) truePositives / (Long) report.metrics().get("positives"));
    }

    /** breast_cancer → split 0.7 → logistic regression → predict on the test part → evaluation at a threshold. */
    private static TestRun breastCancer(double threshold) {
        return TestRun.of(TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", "breast_cancer"))
                .node("split", "random-split", Map.of("fraction", 0.7, "seed", 7))
                .node("learn", "logistic-regression", Map.of("labelColumn", "malignant"))
                .node("predict", "predict", Map.of())
                .node("evaluate", "binary-classification-evaluation", Map.of("labelColumn", "malignant",
                        "threshold", threshold))
                .edge("data.out", "split.in")
                .edge("split.train", "learn.in")
                .edge("learn.model", "predict.model")
                .edge("split.test", "predict.in")
                .edge("predict.out", "evaluate.in")
                .build());
    }

    /** The scored test rows as {@code s} (the score) and {@code y} (1 for the positive label the report names). */
    private static Dataset<Row> pairs(TestRun run, ReportData report) {
        Object positive = report.metrics().get("positiveLabel");
        return run.table("predict", "out").rows().select(col(ModelData.SCORE).as("s"),
                when(col("malignant").cast("string").equalTo(positive), 1.0).otherwise(0.0).as("y"));
    }

    private static double shareAtOrBelow(double[] sorted, double threshold) {
        return (double) Arrays.stream(sorted).filter(s -> s <= threshold).count() / sorted.length;
    }

    private static double shareAtOrAbove(double[] sorted, double threshold) {
        return (double) Arrays.stream(sorted).filter(s -> s >= threshold).count() / sorted.length;
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

    private static java.util.Comparator<Double> closeTo() {
        return (a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b);
    }

    private static ReportData evaluate(TableData in, Map<String, Object> params) {
        return (ReportData) TestRun.execute("binary-classification-evaluation", params, Map.of("in", in))
                .get("report");
    }
}
