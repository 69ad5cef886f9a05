package io.easel.components.builtin.evaluation;

import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** What the evaluations of classifiers share: their input, a table scored by predict, and its true-label param. */
final class ScoredTable {

    static final Port IN = Port.input("in", PortType.TABLE, Text.of("Scored data", "预测结果"));

    /** The types a class label may have, as the classifiers accept them. */
    static final DataType[] CLASS_TYPES = {DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.DOUBLE,
        DataType.BOOLEAN};

    static final Param<String> CLASS_LABEL = Param.column("labelColumn", Text.of("Label column", "标签列"),
                    IN, CLASS_TYPES)
            .description(Text.of("The column with the true classes.", "包含真实类别的列。"))
            .required();

    private ScoredTable() {}

    /** A column by name, whatever characters the name has. */
    static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
