package io.easel.components.builtin.recommendation;

import static org.apache.spark.sql.functions.col;

import io.easel.component.ColumnSpec;
import org.apache.spark.sql.Column;

/** Columns by their names as users gave them: quoted, so that names with dots or spaces work. */
final class Columns {

    private Columns() {}

    static Column named(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }

    static Column named(ColumnSpec column) {
        return named(column.name());
    }
}
