package io.easel.components.builtin.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * A confusion matrix and what follows from it: accuracy, and precision, recall and F1 per class, macro-averaged (each
 * class counts the same) and weighted by support (each row counts the same). Where a ratio has nothing to divide by
 * (a class never predicted, or never present) it is 0, as scikit-learn reports it.
 *
 * @param classes the classes in order: rows are actual, columns predicted
 * @param counts {@code counts[actual][predicted]}
 */
record Confusion(List<String> classes, long[][] counts) {

    long rows() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    long support(int actual) {
        return Arrays.stream(counts[actual]).sum();
    }

    long predicted(int predicted) {
        return Arrays.stream(counts).mapToLong(row -> row[predicted]).sum();
    }

    double accuracy() {
        long right = 0;
        for (int i = 0; i < classes.size(); i++) {
            right += counts[i][i];
        }
        return ratio(right, rows());
    }

    double precision(int c) {
        return ratio(counts[c][c], predicted(c));
    }

    double recall(int c) {
        return ratio(counts[c][c], support(c));
    }

    double f1(int c) {
        double precision = precision(c);
        double recall = recall(c);
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    /** Accuracy and the macro and weighted averages, by metric name. */
    Map<String, Object> metrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", accuracy());
        metrics.put("macroPrecision", macro(this::precision));
        metrics.put("macroRecall", macro(this::recall));
        metrics.put("macroF1", macro(this::f1));
        metrics.put("weightedPrecision", weighted(this::precision));
        metrics.put("weightedRecall", weighted(this::recall));
        metrics.put("weightedF1", weighted(this::f1));
        return metrics;
    }

    /** A TABLE chart: one row per class with its precision, recall, F1 and support. */
    Map<String, Object> perClassTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            rows.add(List.of(classes.get(c), precision(c), recall(c), f1(c), support(c)));
        }
        return Map.of("columns", List.of("class", "precision", "recall", "f1", "support"), "rows", rows);
    }

    /** A MATRIX chart: rows actual, columns predicted, classes in order. */
    Map<String, Object> matrix() {
        List<List<Long>> values = Arrays.stream(counts).map(row -> Arrays.stream(row).boxed().toList()).toList();
        return Map.of("labels", classes, "values", values);
    }

    private double macro(IntToDoubleFunction metric) {
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            sum += metric.applyAsDouble(c);
        }
        return sum / classes.size();
    }

    private double weighted(IntToDoubleFunction metric) {
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            sum += metric.applyAsDouble(c) * support(c);
        }
        return sum / rows();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
