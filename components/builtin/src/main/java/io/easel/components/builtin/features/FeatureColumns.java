package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.col;

import io.easel.component.ColumnOp;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.TableData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the column-wise feature components share: the columns they read, and where the results go, in place (a blank
 * suffix) or into new columns named {@code <column><suffix>}.
 */
final class FeatureColumns {

    static final String SUFFIX = "suffix";

    private FeatureColumns() {}

    static Param<List<String>> numericColumns(Port in, Text description) {
        return Param.columns("columns", Text.of("Columns", "列"), in, DataType.INTEGER, DataType.LONG,
                DataType.DOUBLE).description(description).required();
    }

    /** Results in place by default. */
    static Param<String> suffix() {
        return suffix("");
    }

    static Param<String> suffix(String defaultSuffix) {
        return Param.string(SUFFIX, Text.of("New column suffix", "新列后缀"))
                .description(Text.of("Blank: results replace the columns in place. Otherwise each result goes into "
                                + "a new column, the column's name followed by this suffix, and the original stays.",
                        "留空：结果原地替换所选列。否则每列结果写入新列（原列名加此后缀），原列保留。"))
                .defaultValue(defaultSuffix);
    }

    /** A suffix that is never blank: results go into new columns named {@code <column><suffix>}. */
    static Param<String> newColumnSuffix(String defaultSuffix) {
        return Param.string(SUFFIX, Text.of("New column suffix", "新列后缀"))
                .description(Text.of("Each column's results go into a new column, its name followed by this suffix.",
                        "每列的结果写入新列，列名为原列名加此后缀。"))
                .defaultValue(defaultSuffix)
                .required();
    }

    /** The vector column a vector component reads. */
    static Param<String> vectorColumn(Port in) {
        return Param.column("column", Text.of("Vector column", "向量列"), in, DataType.VECTOR).required();
    }

    /** The name of the one column a component adds. */
    /** The name of the column a feature component adds to the table at {@code in}: a new one. */
    static Param<String> outputColumn(Port in, String defaultName) {
        return Param.string("outputColumn", Text.of("Output column", "输出列名")).defaultValue(defaultName)
                .newColumnOf(in).required();
    }

    /** For the vector components' examples: iris' four measurements as the vector column {@code features}. */
    static Example.Upstream irisMeasurements() {
        return Example.Upstream.of("vector-assemble", Map.of("columns", List.of("sepal_length_cm", "sepal_width_cm",
                "petal_length_cm", "petal_width_cm")), "out").from("in", ExampleData.dataset("iris"));
    }

    /** The output table: the input's columns and a vector column named by {@code output}. */
    static SchemaRule withVector(Port in, Param<String> output) {
        return SchemaRule.sameAs(in.name()).add(ColumnOp.Name.param(output), ColumnOp.Type.of(DataType.VECTOR));
    }

    /** The output table: the input's columns with a double column per chosen one, in place or suffixed. */
    static SchemaRule output(Port in, Param<List<String>> columns) {
        return output(in, columns, DataType.DOUBLE);
    }

    /** The output table: the input's columns with a column of {@code type} per chosen one, in place or suffixed. */
    static SchemaRule output(Port in, Param<List<String>> columns, DataType type) {
        return SchemaRule.sameAs(in.name()).then(new ColumnOp.AddEach(ColumnOp.Cols.param(columns),
                "{column}{" + SUFFIX + "}", ColumnOp.Type.of(type)));
    }

    /**
     * The distinct values of a text column, ordered by {@code order} over the column {@code value} and its
     * {@code count}; at most {@code limit}. Refuses a column with no values.
     */
    static List<String> categories(TableData in, String column, int limit, Column... order) {
        List<String> categories = in.rows().filter(col(column).isNotNull()).groupBy(col(column).as("value"))
                .count().orderBy(order).limit(limit).collectAsList().stream().map(row -> row.getString(0)).toList();
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("Column '" + column + "' has no values to find categories in: "
                    + "choose text columns with values.");
        }
        return categories;
    }

    /** A list of numbers separated by commas, or a clear refusal naming the param. */
    static double[] numbers(String param, String text) {
        try {
            return Arrays.stream(text.split(",")).map(String::trim).mapToDouble(Double::parseDouble)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(param + ": '" + text + "' is not a list of numbers separated by "
                    + "commas, e.g. 1, 0.5, 2.");
        }
    }

    /** The number of slots of a vector column, read from its first value; refuses a column with none. */
    static int vectorSize(TableData in, String column) {
        Dataset<Row> present = in.rows().select(column)
                .filter(col(column).isNotNull());
        if (present.isEmpty()) {
            throw new IllegalArgumentException("Vector column '" + column + "' has no values.");
        }
        return ((Vector) present.first().get(0)).size();
    }

    static List<String> outputs(List<String> columns, String suffix) {
        String s = suffix == null ? "" : suffix;
        return columns.stream().map(c -> c + s).toList();
    }
}
