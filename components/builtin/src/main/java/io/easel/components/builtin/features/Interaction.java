package io.easel.components.builtin.features;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.VectorAssembler;

/**
 * Spark's Interaction: the products of one value from each chosen column, every combination, as one vector (a
 * one-hot vector crossed with a number gives the number in the slot of the row's category). JPMML-SparkML converts
 * the step. Unlike {@link PolynomialFeatures}, which multiplies numbers up to a degree, it crosses whole vectors.
 */
public final class Interaction implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE, DataType.VECTOR)
            .description(Text.of("The numeric and vector columns to cross, at least two.",
                    "要交叉的数值列和向量列，至少两列。"))
            .required();

    public static final Param<String> OUTPUT = FeatureColumns.outputColumn(IN, "interaction");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the interaction",
                    "含交互项的数据"), FeatureColumns.withVector(IN, OUTPUT));

    private static final String AS_VECTOR = ModelData.INTERNAL_PREFIX + "vector_";

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("interaction")
            .category(Category.FEATURE_ENGINEERING)
            .title("Interaction", "特征交互")
            .description("Crosses numeric and vector columns: a vector of the products of one value from each, "
                            + "every combination, e.g. a one-hot category crossed with an amount. A missing number "
                            + "gives missing products. Exported models repeat it on raw records.",
                    "交叉数值列与向量列：由各列各取一个值相乘、遍历所有组合得到的向量，例如独热类别与金额的交叉。缺失的"
                            + "数值使乘积缺失。导出的模型对原始记录执行同样的交叉。")
            .keywords("interaction", "cross", "product", "feature cross", "交互", "交叉", "乘积")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, OUTPUT)
            .examples(Example.of("credit_g's purpose (one-hot) crossed with the credit amount",
                            "credit_g 的用途（独热）与贷款金额交叉",
                            Map.of("columns", List.of("purpose_onehot", "credit_amount")))
                    .input(IN, Example.Upstream.of("one-hot-encode", Map.of("columns", List.of("purpose")), "out")
                            .from("in", ExampleData.dataset("credit_g"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        List<String> columns = ctx.param(COLUMNS);
        String output = ctx.param(OUTPUT);
        if (columns.size() < 2) {
            throw new IllegalArgumentException("Columns: choose at least two columns to cross.");
        }
        TableData in = ctx.table(IN);
        // Spark's Interaction refuses a missing number; a one-slot vector holds it as NaN, which gives NaN products
        // (missing in PMML) instead of failing the run or a deployment.
        List<String> numbers = ctx.columns(COLUMNS).stream().filter(c -> c.type() != DataType.VECTOR)
                .map(ColumnSpec::name).toList();
        List<String> inputs = columns.stream().map(c -> numbers.contains(c) ? AS_VECTOR + c : c).toList();
        TableData prepared = in;
        for (String number : numbers) {
            prepared = prepared.transform(new VectorAssembler().setInputCols(new String[] {number})
                    .setOutputCol(AS_VECTOR + number).setHandleInvalid("keep"));
        }
        TableData crossed = prepared.transform(new org.apache.spark.ml.feature.Interaction()
                .setInputCols(inputs.toArray(String[]::new)).setOutputCol(output));
        ctx.output(OUT, crossed.withRows(crossed.rows().drop(numbers.stream().map(n -> AS_VECTOR + n)
                .toArray(String[]::new))));
    }
}
