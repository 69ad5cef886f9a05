package io.easel.components.builtin.features;

import io.easel.component.ColumnOp;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import java.util.List;

/**
 * What the column-wise numeric feature components share: the numeric columns they read, and where the results go,
 * in place (a blank suffix, the default) or into new columns named {@code <column><suffix>}.
 */
final class NumericColumns {

    static final String SUFFIX = "suffix";

    private NumericColumns() {}

    static Param<List<String>> columns(Port in, Text description) {
        return Param.columns("columns", Text.of("Columns", "列"), in, DataType.INTEGER, DataType.LONG,
                DataType.DOUBLE).description(description).required();
    }

    static Param<String> suffix() {
        return Param.string(SUFFIX, Text.of("New column suffix", "新列后缀"))
                .description(Text.of("Blank: results replace the columns in place. Otherwise each result goes into "
                                + "a new column, the column's name followed by this suffix, and the original stays.",
                        "留空：结果原地替换所选列。否则每列结果写入新列（原列名加此后缀），原列保留。"))
                .defaultValue("");
    }

    /** The output table: the input's columns with a double column per chosen one, in place or suffixed. */
    static SchemaRule output(Port in, Param<List<String>> columns) {
        return SchemaRule.sameAs(in.name()).then(new ColumnOp.AddEach(ColumnOp.Cols.param(columns),
                "{column}{" + SUFFIX + "}", ColumnOp.Type.of(DataType.DOUBLE)));
    }

    static List<String> outputs(List<String> columns, String suffix) {
        String s = suffix == null ? "" : suffix;
        return columns.stream().map(c -> c + s).toList();
    }
}
