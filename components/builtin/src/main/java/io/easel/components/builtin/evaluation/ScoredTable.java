package io.easel.components.builtin.evaluation;

import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ModelData;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * What the evaluations share: their input, a table scored by predict, the true-label param of classifiers and how
 * their examples are made.
 */
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

    /** The column of predicted values or classes, {@code prediction} unless set, other than the label column. */
    static Param<String> predictionColumn(Param<String> label, Text description, DataType... types) {
        return Param.column("predictionColumn", Text.of("Prediction column", "预测列"), IN, types)
                .description(description)
                .defaultValue(ModelData.PREDICTION)
                .excluding(label)
                .required();
    }

    /** The report output of an evaluation. */
    static Port report(ReportSpec spec) {
        return Port.output("report", PortType.REPORT, Text.of("Evaluation report", "评估报告"), SchemaRule.fixed(spec));
    }

    /**
     * An example on the held-back part of a bundled dataset, scored by a learner trained on the rest with nothing
     * but its label set.
     */
    static Example example(String en, String zh, String learner, String labelColumn, String dataset) {
        return Example.of(en, zh, Map.of("labelColumn", labelColumn))
                .input(IN, ExampleData.scored(ExampleData.model(learner, Map.of("labelColumn", labelColumn),
                        ExampleData.train(dataset)), ExampleData.test(dataset)));
    }

    /** A column by name, whatever characters the name has. */
    static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
