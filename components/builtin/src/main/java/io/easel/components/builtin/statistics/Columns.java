package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What the statistics components share about their input: the port, the column types they read, and columns by name. */
final class Columns {

    static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    static final DataType[] NUMBERS = {DataType.INTEGER, DataType.LONG, DataType.DOUBLE};

    /** Types whose values name categories: what a contingency table or a group is made of. */
    static final DataType[] CATEGORIES = {DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.BOOLEAN};

    /** Every type whose values can be counted (not vectors). */
    static final DataType[] VALUES = {DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.DOUBLE,
        DataType.BOOLEAN, DataType.DATE, DataType.TIMESTAMP};

    static final Text NUMBER_HINT = Text.of("Only numeric columns can be measured here.", "此处只能选择数值列。");

    private Columns() {}

    /** The numeric columns to describe; empty: every numeric column. */
    static Param<List<String>> numbers(String en, String zh) {
        return Param.columns("columns", Text.of("Columns", "列"), IN, NUMBERS)
                .description(Text.of(en, zh))
                .typeHint(NUMBER_HINT)
                .allWhenEmpty();
    }

    /** One numeric column, required. */
    static Param<String> number(String name, Text title, String en, String zh) {
        return Param.column(name, title, IN, NUMBERS)
                .description(Text.of(en, zh))
                .typeHint(NUMBER_HINT)
                .required();
    }

    /** A column by name, whatever characters the name has. */
    static Column named(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }

    /** A numeric column as a double, NaN counted as missing (null) as it is everywhere in these statistics. */
    static Column number(ColumnSpec column) {
        Column value = named(column.name()).cast("double");
        return column.type() == DataType.DOUBLE ? when(isnan(value), lit(null).cast("double")).otherwise(value)
                : value;
    }

    /** One Spark aggregation of {@code aggregates} over {@code rows}: the one row it gives. */
    static Row aggregate(Dataset<Row> rows, List<Column> aggregates) {
        return rows.agg(aggregates.getFirst(), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .first();
    }

    /** A double as JSON can hold it: NaN and infinities (undefined statistics) become null. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
