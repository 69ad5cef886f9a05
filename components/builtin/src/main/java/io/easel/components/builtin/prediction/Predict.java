package io.easel.components.builtin.prediction;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Applies a trained model to a table: the table comes out with the model's outputs appended (e.g. prediction,
 * probability, score). The table's lineage carries over, since scoring adds columns but changes no input column.
 */
public final class Predict implements SparkComponent {

    public static final Port MODEL = Port.input("model", PortType.MODEL, Text.of("Model", "模型"));
    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Scored data", "预测结果"),
            SchemaRule.sameAs(IN.name())
                    .appendModelOutputs(MODEL.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("predict")
            .category(Category.PREDICTION)
            .title("Predict", "预测")
            .description("Applies a trained model to a table and appends the model's outputs, such as the "
                            + "predicted label, class probabilities and score.",
                    "将训练好的模型应用于数据表，并追加模型输出，例如预测标签、类别概率和得分。")
            .keywords("predict", "score", "apply", "inference", "预测", "打分", "评分")
            .inputs(MODEL, IN)
            .outputs(OUT)
            .examples(new Example(Text.of("A GBDT scores credit_g's test part", "GBDT 对 credit_g 测试集打分"), Map.of(),
                    Map.of(MODEL.name(), ExampleData.model("gbdt-classifier", Map.of("labelColumn", "class"),
                                    ExampleData.train("credit_g")),
                            IN.name(), ExampleData.test("credit_g"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ModelData model = ctx.model(MODEL);
        TableData in = ctx.table(IN);
        List<String> present = Arrays.asList(in.rows().columns());
        for (ColumnSpec feature : model.spec().features()) {
            if (!present.contains(feature.name())) {
                throw new IllegalArgumentException("predict: the model reads column '" + feature.name()
                        + "', which input 'in' does not have (it has " + present + ")");
            }
        }
        ctx.output(OUT, new TableData(model.score(in.rows()), in.lineage()));
    }
}
