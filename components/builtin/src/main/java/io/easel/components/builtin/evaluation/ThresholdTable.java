package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The confusion of a binary classifier at a fixed set of thresholds (a score at or above a threshold counts as
 * positive), counted by Spark in one pass over the rows: two counts per threshold come back, never the rows.
 *
 * @param positives rows of the positive class
 * @param negatives rows of the other class
 * @param cuts one per threshold, in increasing order of threshold
 */
record ThresholdTable(long positives, long negatives, List<Cut> cuts) {

    /** Thresholds a probability score is cut at: 0, 0.05, …, 1. */
    static final int STEPS = 20;

    static final List<String> COLUMNS = List.of("threshold", "tpr", "fpr", "precision", "recall", "f1", "accuracy",
            "predictedPositiveShare", "truePositives", "falsePositives", "trueNegatives", "falseNegatives");

    /** The two-class confusion at one threshold. */
    record Cut(double threshold, Confusion confusion) {

        static final int NEGATIVE = 0;
        static final int POSITIVE = 1;

        long truePositives() {
            return confusion.counts()[POSITIVE][POSITIVE];
        }

        long falsePositives() {
            return confusion.counts()[NEGATIVE][POSITIVE];
        }

        long trueNegatives() {
            return confusion.counts()[NEGATIVE][NEGATIVE];
        }

        long falseNegatives() {
            return confusion.counts()[POSITIVE][NEGATIVE];
        }

        double precision() {
            return confusion.precision(POSITIVE);
        }

        double recall() {
            return confusion.recall(POSITIVE);
        }

        double falsePositiveRate() {
            return 1 - confusion.recall(NEGATIVE);
        }

        double f1() {
            return confusion.f1(POSITIVE);
        }

        double predictedPositiveShare() {
            return (double) confusion.predicted(POSITIVE) / confusion.rows();
        }

        List<Object> row() {
            return List.of(threshold, recall(), falsePositiveRate(), precision(), recall(), f1(), confusion.accuracy(),
                    predictedPositiveShare(), truePositives(), falsePositives(), trueNegatives(), falseNegatives());
        }
    }

    /**
     * Counts the confusion of {@code pairs} (a score {@code s} and {@code y}, 1.0 for the positive class) at every
     * threshold: the steps of 0.05 from 0 to 1 for probabilities, {@value #STEPS} equal steps from the lowest score to
     * the highest for margins, and the threshold the user chose.
     */
    static ThresholdTable of(Dataset<Row> pairs, boolean probabilities, double minScore, double maxScore,
            double chosen) {
        TreeSet<Double> thresholds = new TreeSet<>();
        for (int i = 0; i <= STEPS; i++) {
            thresholds.add(probabilities ? (double) i / STEPS
                    : i == STEPS ? maxScore : minScore + (maxScore - minScore) * i / STEPS);
        }
        thresholds.add(chosen);
        List<Double> ordered = List.copyOf(thresholds);
        List<Column> counts = new ArrayList<>();
        counts.add(count(when(col("y").equalTo(1.0), 1)));
        counts.add(count(when(col("y").equalTo(0.0), 1)));
        for (double threshold : ordered) {
            counts.add(count(when(col("s").geq(threshold).and(col("y").equalTo(1.0)), 1)));
            counts.add(count(when(col("s").geq(threshold).and(col("y").equalTo(0.0)), 1)));
        }
        Row row = pairs.agg(counts.getFirst(), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
        long positives = row.getLong(0);
        long negatives = row.getLong(1);
        List<Cut> cuts = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            long truePositives = row.getLong(2 + 2 * i);
            long falsePositives = row.getLong(3 + 2 * i);
            cuts.add(new Cut(ordered.get(i), new Confusion(List.of("negative", "positive"), new long[][] {
                {negatives - falsePositives, falsePositives}, {positives - truePositives, truePositives}})));
        }
        return new ThresholdTable(positives, negatives, cuts);
    }

    Cut at(double threshold) {
        return cuts.stream().filter(c -> c.threshold() == threshold).findFirst().orElseThrow();
    }

    /** A TABLE chart. */
    Map<String, Object> chart() {
        return Map.of("columns", COLUMNS, "rows", cuts.stream().map(Cut::row).toList());
    }
}
