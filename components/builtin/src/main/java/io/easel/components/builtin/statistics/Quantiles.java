package io.easel.components.builtin.statistics;

import io.easel.component.ColumnSpec;
import io.easel.component.Param;
import io.easel.component.Text;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Quantiles of several numeric columns in one pass of Spark's {@code approxQuantile} (Greenwald–Khanna): the value
 * returned for probability p has a rank within {@code (p ± relativeError) × n} of the n present values.
 */
final class Quantiles {

    private Quantiles() {}

    static Param<Double> relativeError() {
        return Param.decimal("relativeError", Text.of("Relative error", "相对误差"))
                .description(Text.of("How far in rank a quantile may be from the exact one, as a share of the rows: "
                                + "0 is exact but sorts every column, 0.001 is within 0.1% of the rows in one "
                                + "light pass.",
                        "分位数的排名与精确值之间允许的误差占行数的比例：0 为精确计算但需对每列排序，0.001 表示误差在"
                                + "行数的 0.1% 以内，只需一次轻量扫描。"))
                .defaultValue(0.001)
                .range(0, 1)
                .advanced();
    }

    /** The columns as doubles named {@link #alias}{@code (i)}, NaN as missing. */
    static Dataset<Row> numbers(Dataset<Row> rows, List<ColumnSpec> columns) {
        return rows.select(IntStream.range(0, columns.size())
                .mapToObj(i -> Columns.number(columns.get(i)).as(alias(i))).toArray(Column[]::new));
    }

    static String alias(int column) {
        return "c" + column;
    }

    /** The quantiles of each of the first {@code columns} aliased columns; an empty array for a column with none. */
    static double[][] of(Dataset<Row> numbers, int columns, double[] probabilities, double relativeError) {
        return numbers.stat().approxQuantile(IntStream.range(0, columns).mapToObj(Quantiles::alias)
                .toArray(String[]::new), probabilities, relativeError);
    }

    /**
     * The quantiles of {@code value} as one aggregate (Spark's {@code percentile_approx}, the same Greenwald–Khanna
     * summary as {@link #of}), so that they come in the one aggregation a component runs for its moments instead of a
     * pass of their own. A relative error of 0 asks for the finest accuracy there is: exact below 2^31 rows.
     */
    static Column aggregate(Column value, double[] probabilities, double relativeError) {
        Column asked = functions.array(Arrays.stream(probabilities).mapToObj(functions::lit).toArray(Column[]::new));
        int accuracy = relativeError == 0 ? Integer.MAX_VALUE
                : (int) Math.min(Integer.MAX_VALUE, Math.ceil(1 / relativeError));
        return functions.percentile_approx(value, asked, functions.lit(accuracy));
    }

    /** The quantiles an {@link #aggregate} gave at {@code at} of the aggregated row, nulls for a column with none. */
    static Double[] read(Row row, int at, int count) {
        if (row.isNullAt(at)) {
            return new Double[count];
        }
        List<Double> values = row.getList(at);
        return orNull(values.stream().mapToDouble(Double::doubleValue).toArray(), count);
    }

    /** A column's quantiles, or nulls when it has no value to take them of. */
    static Double[] orNull(double[] quantiles, int count) {
        Double[] values = new Double[count];
        for (int i = 0; i < count && i < quantiles.length; i++) {
            values[i] = Columns.finite(quantiles[i]);
        }
        return values;
    }
}
