package io.easel.components.builtin.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.rdd.RDD;
import scala.Tuple2;

/**
 * The curves of a binary classifier, from Spark's {@link BinaryClassificationMetrics} (which sorts and accumulates
 * the scores in Spark): ROC and precision–recall, and the targeting curves, where x is the share of rows targeted
 * when the highest scores are targeted first: cumulative gain (share of the positives found), lift (how many times
 * better than targeting at random) and KS (true positive rate minus false positive rate, whose largest value is the
 * KS statistic). Each curve is thinned to at most {@value #MAX_POINTS} points, keeping both ends.
 */
final class BinaryCurves {

    static final int MAX_POINTS = 101;

    private BinaryCurves() {}

    /** The KS statistic, the largest gap between the true and false positive rates, and the threshold it is at. */
    record Ks(double statistic, double threshold) {}

    /**
     * The exact KS over every distinct score. Spark's ROC points are (0, 0), then one per threshold in the order of
     * the thresholds, then (1, 1): the point after the {@code i}-th threshold is the {@code i+1}-th.
     */
    static Ks ks(BinaryClassificationMetrics exact) {
        JavaPairRDD<Long, Double> thresholdOf = exact.thresholds().toJavaRDD().zipWithIndex()
                .mapToPair(t -> new Tuple2<>(t._2() + 1, (Double) t._1()));
        JavaPairRDD<Long, Double> gapAt = exact.roc().toJavaRDD().zipWithIndex()
                .mapToPair(p -> new Tuple2<>(p._2(), (Double) p._1()._2() - (Double) p._1()._1()));
        Tuple2<Double, Double> widest = gapAt.join(thresholdOf).values()
                .reduce((a, b) -> a._1() > b._1() || a._1().equals(b._1()) && a._2() > b._2() ? a : b);
        return new Ks(widest._1(), widest._2());
    }

    /** Every curve, by chart name, from metrics binned to about {@value #MAX_POINTS} points. */
    static Map<String, Object> of(BinaryClassificationMetrics binned, long positives, long negatives) {
        List<List<Double>> roc = points(binned.roc());
        List<List<Double>> gain = new ArrayList<>();
        List<List<Double>> lift = new ArrayList<>();
        List<List<Double>> ks = new ArrayList<>();
        for (List<Double> point : roc) {
            double falsePositiveRate = point.get(0);
            double truePositiveRate = point.get(1);
            double targeted = (truePositiveRate * positives + falsePositiveRate * negatives)
                    / (positives + negatives);
            gain.add(List.of(targeted, truePositiveRate));
            ks.add(List.of(targeted, truePositiveRate - falsePositiveRate));
            if (targeted > 0) {
                lift.add(List.of(targeted, truePositiveRate / targeted));
            }
        }
        Map<String, Object> curves = new LinkedHashMap<>();
        curves.put("roc", thinned(roc));
        curves.put("pr", thinned(points(binned.pr())));
        curves.put("gain", thinned(gain));
        curves.put("lift", thinned(lift));
        curves.put("ks", thinned(ks));
        return curves;
    }

    /** The curve's points, a point equal to the one before left out (Spark closes ROC with (1, 1) twice). */
    private static List<List<Double>> points(RDD<Tuple2<Object, Object>> curve) {
        List<List<Double>> points = new ArrayList<>();
        for (Tuple2<Object, Object> p : curve.toJavaRDD().collect()) {
            List<Double> point = List.of((Double) p._1(), (Double) p._2());
            if (points.isEmpty() || !points.getLast().equals(point)) {
                points.add(point);
            }
        }
        return points;
    }

    /** The points thinned evenly, keeping both ends, to at most {@value #MAX_POINTS}. */
    static List<List<Double>> thinned(List<List<Double>> all) {
        int n = all.size();
        int kept = Math.min(n, MAX_POINTS);
        List<List<Double>> curve = new ArrayList<>();
        for (int i = 0; i < kept; i++) {
            curve.add(all.get(kept == 1 ? 0 : (int) Math.round((double) i * (n - 1) / (kept - 1))));
        }
        return curve;
    }
}
