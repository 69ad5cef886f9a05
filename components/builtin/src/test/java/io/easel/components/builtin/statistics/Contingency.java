package io.easel.components.builtin.statistics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of independence computed by hand from two lists of categories (missing as its own
 * category), the way a textbook does it: observed counts, expected counts from the margins, the sum of
 * (observed − expected)² / expected, and the p-value from the chi-square distribution.
 */
record Contingency(Map<String, Map<String, Long>> counts, long total) {

    static Contingency of(List<String> rows, List<String> columns) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            counts.computeIfAbsent(String.valueOf(rows.get(i)), k -> new TreeMap<>())
                    .merge(String.valueOf(columns.get(i)), 1L, Long::sum);
        }
        return new Contingency(counts, rows.size());
    }

    long count(String row, String column) {
        return counts.getOrDefault(row, Map.of()).getOrDefault(column, 0L);
    }

    List<String> columnValues() {
        return counts.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    }

    double statistic() {
        double chi = 0;
        for (String row : counts.keySet()) {
            long rowSum = counts.get(row).values().stream().mapToLong(Long::longValue).sum();
            for (String column : columnValues()) {
                long columnSum = counts.values().stream().mapToLong(m -> m.getOrDefault(column, 0L)).sum();
                double expected = (double) rowSum * columnSum / total;
                double gap = count(row, column) - expected;
                chi += gap * gap / expected;
            }
        }
        return chi;
    }

    int degreesOfFreedom() {
        return (counts.size() - 1) * (columnValues().size() - 1);
    }

    double pValue() {
        return 1 - new ChiSquaredDistribution(degreesOfFreedom()).cumulativeProbability(statistic());
    }

    double cramersV() {
        return Math.sqrt(statistic() / (total * (Math.min(counts.size(), columnValues().size()) - 1.0)));
    }
}
