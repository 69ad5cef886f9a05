package io.easel.components.builtin.statistics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A bundled dataset read with plain Java, not through Spark or any component, so tests can compute statistics
 * independently. The bundled CSVs have no quoted fields; an empty field is a missing value (null).
 */
record DatasetCsv(List<String> header, List<String[]> rows) {

    static DatasetCsv read(String dataset) {
        var resource = DatasetCsv.class.getResourceAsStream("/io/easel/components/datasets/" + dataset + ".csv");
        try (var reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(resource, dataset),
                StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().filter(l -> !l.isBlank()).toList();
            List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
            return new DatasetCsv(Arrays.asList(lines.getFirst().split(",")), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column's values, null where missing. */
    List<String> strings(String column) {
        int at = header.indexOf(column);
        if (at < 0) {
            throw new IllegalArgumentException(column);
        }
        List<String> values = new ArrayList<>();
        rows.forEach(r -> values.add(r[at].isEmpty() ? null : r[at]));
        return values;
    }

    /** A numeric column's present values, in file order. */
    double[] numbers(String column) {
        return strings(column).stream().filter(Objects::nonNull).mapToDouble(Double::parseDouble).toArray();
    }

    static double mean(double[] x) {
        return Arrays.stream(x).sum() / x.length;
    }

    /** The sample standard deviation (n − 1). */
    static double std(double[] x) {
        return Math.sqrt(covariance(x, x));
    }

    /** The sample covariance (n − 1), two-pass. */
    static double covariance(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / (x.length - 1);
    }

    static double pearson(double[] x, double[] y) {
        return covariance(x, y) / (std(x) * std(y));
    }

    /** Pearson's correlation of the ranks, ties taking their average rank. */
    static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] ranks = new double[x.length];
        int i = 0;
        while (i < x.length) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = average;
            }
            i = j + 1;
        }
        return ranks;
    }
}
