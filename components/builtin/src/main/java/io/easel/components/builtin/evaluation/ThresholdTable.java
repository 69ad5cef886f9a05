package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.ml.feature.Bucketizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The confusion of a binary classifier at a fixed set of thresholds (a score at or above a threshold counts as
 * positive), counted by Spark in one pass over the rows: two counts per threshold come back, never the rows. A view
 * can move a threshold along the table (the studio's slider) without going back to Spark.
 *
 * @param positives rows of the positive class
 * @param negatives rows of the other class
 * @param cuts one per threshold, in increasing order of threshold
 */
record ThresholdTable(long positives, long negatives, List<Cut> cuts) {

    /**
     * Thresholds a probability score is cut at: 0, 0.01, …, 1, fine enough for a slider to move the confusion by a
     * hundredth of the score at a time.
     */
    static final int STEPS = 100;

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
     * threshold: the steps of 0.01 from 0 to 1 for probabilities, {@value #STEPS} equal steps from the lowest score to
     * the highest for margins, and the threshold the user chose. Spark counts the rows of each class between
     * consecutive thresholds (at most {@value #STEPS} + 3 counts per class come back); the confusion at a threshold
     * is then the sum of the counts from it upwards.
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
        // Bucket b holds the scores with exactly b thresholds at or below them: s >= threshold i <=> b > i.
        double[] splits = new double[ordered.size() + 2];
        splits[0] = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ordered.size(); i++) {
            splits[i + 1] = ordered.get(i);
        }
        splits[splits.length - 1] = Double.POSITIVE_INFINITY;
        long[] positivesIn = new long[splits.length - 1];
        long[] negativesIn = new long[splits.length - 1];
        new Bucketizer().setInputCol("s").setOutputCol("bucket").setSplits(splits).transform(pairs)
                .groupBy(col("bucket").cast("int"))
                .agg(count(when(col("y").equalTo(1.0), 1)), count(when(col("y").equalTo(0.0), 1)))
                .collectAsList()
                .forEach(r -> {
                    positivesIn[r.getInt(0)] = r.getLong(1);
                    negativesIn[r.getInt(0)] = r.getLong(2);
                });
        long positives = Arrays.stream(positivesIn).sum();
        long negatives = Arrays.stream(negativesIn).sum();
        List<Cut> cuts = new ArrayList<>();
        long truePositives = positives;
        long falsePositives = negatives;
        for (int i = 0; i < ordered.size(); i++) {
            truePositives -= positivesIn[i];
            falsePositives -= negativesIn[i];
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
