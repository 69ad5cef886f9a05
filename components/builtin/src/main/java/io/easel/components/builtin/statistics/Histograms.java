package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Counts of values in equal-width bins, for several columns in one Spark job: each row gives one (column, bin) pair
 * per column whose value is in range, and only the counts per pair come back to the driver.
 */
final class Histograms {

    private Histograms() {}

    /** The range to count a column's values in, and how many bins to cut it into. */
    record Range(double lowest, double highest, int bins) {
        Range {
            if (!(lowest <= highest)) {
                throw new IllegalArgumentException("A histogram's range must run from low to high, not from "
                        + lowest + " to " + highest);
            }
            // a single value cannot be cut: one bin holds it
            bins = highest > lowest ? bins : 1;
        }

        double width() {
            return (highest - lowest) / bins;
        }

        List<Double> edges() {
            List<Double> edges = new ArrayList<>();
            for (int i = 0; i <= bins; i++) {
                edges.add(i == bins ? highest : lowest + i * width());
            }
            return edges;
        }

        /** The bin of a value already known to be in range; the highest value goes to the last bin. */
        Column bin(Column value) {
            return bins == 1 ? lit(0)
                    : least(floor(value.minus(lowest).divide(width())).cast("int"), lit(bins - 1));
        }

        /** {@link #bin(Column)} of a value in Java, for counts already on the driver. */
        int binOf(double value) {
            return bins == 1 ? 0 : Math.min((int) Math.floor((value - lowest) / width()), bins - 1);
        }

        Column contains(Column value) {
            return value.geq(lowest).and(value.leq(highest));
        }
    }

    /** A {@link io.easel.component.ReportSpec.ChartKind#HISTOGRAM} chart's data. */
    record Histogram(List<Double> edges, List<Long> counts) {
        Map<String, Object> chart() {
            return Map.of("edges", edges, "counts", counts);
        }

        long total() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The histogram of each named value column of {@code rows} over its range, by name; values outside a range and
     * missing ones are not counted.
     */
    static Map<String, Histogram> count(Dataset<Row> rows, Map<String, Column> values, Map<String, Range> ranges) {
        List<String> names = new ArrayList<>(ranges.keySet());
        Column[] pairs = new Column[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Column value = values.get(names.get(i));
            Range range = ranges.get(names.get(i));
            pairs[i] = when(range.contains(value), struct(lit(i).as("c"), range.bin(value).as("b")));
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        names.forEach(n -> counts.put(n, new long[ranges.get(n).bins()]));
        if (!names.isEmpty()) {
            rows.select(explode(array(pairs)).as("p")).where(col("p").isNotNull())
                    .groupBy(col("p.c"), col("p.b")).count().collectAsList()
                    .forEach(r -> counts.get(names.get(r.getInt(0)))[r.getInt(1)] = r.getLong(2));
        }
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        counts.forEach((name, binCounts) -> histograms.put(name, new Histogram(ranges.get(name).edges(),
                Arrays.stream(binCounts).boxed().toList())));
        return histograms;
    }
}
