package io.easel.components.builtin.statistics;


import java.util.List;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.util.StatCounter;

/**
 * A numeric column's count of present values, mean, sample standard deviation, minimum and maximum, read from
 * {@value #WIDTH} aggregates that go into the one aggregation a component runs over all its columns, or from a
 * {@link StatCounter} a component kept per column in a pass of its own.
 *
 * @param mean null when no value is present; likewise the others
 * @param std null with fewer than two values
 */
record Moments(long count, Double mean, Double std, Double min, Double max) {

    static final int WIDTH = 5;

    static List<Column> aggregates(Column value) {
        return List.of(functions.count(value), functions.avg(value), functions.stddev_samp(value),
                functions.min(value), functions.max(value));
    }

    /** The same places for a column that is not numeric: only its count of present values. */
    static List<Column> countOnly(Column value) {
        Column none = functions.lit(null).cast("double");
        return List.of(functions.count(value), none, none, none, none);
    }

    /** The moments of the values a {@link StatCounter} was given (none: NaN and infinite minimum and maximum). */
    static Moments of(StatCounter values) {
        long count = values.count();
        return new Moments(count, count == 0 ? null : Columns.finite(values.mean()),
                count < 2 ? null : Columns.finite(values.sampleStdev()), Columns.finite(values.min()),
                Columns.finite(values.max()));
    }

    /** The moments from an aggregated row, whose {@link #aggregates} start at {@code at}. */
    static Moments read(Row row, int at) {
        return new Moments(row.getLong(at), finite(row, at + 1), finite(row, at + 2), finite(row, at + 3),
                finite(row, at + 4));
    }

    private static Double finite(Row row, int i) {
        return row.isNullAt(i) ? null : Columns.finite(row.getDouble(i));
    }
}
