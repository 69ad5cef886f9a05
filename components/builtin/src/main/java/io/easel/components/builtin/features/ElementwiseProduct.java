package io.easel.components.builtin.features;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Map;
import org.apache.spark.ml.linalg.Vectors;

/**
 * Spark's ElementwiseProduct: each slot of a vector multiplied by its own weight. JPMML-SparkML has no converter for
 * it; {@code io.easel.components.pmml.ElementwiseProductConverter} exports it, slot by slot.
 */
public final class ElementwiseProduct implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> COLUMN = FeatureColumns.vectorColumn(IN);

    public static final Param<String> WEIGHTS = Param.string("scalingVec", Text.of("Weights", "权重"))
            .description(Text.of("One number per slot, separated by commas, e.g. 1, 0.5, 2.",
                    "每个分量一个数，用逗号分隔，例如 1, 0.5, 2。"))
            .required();

    public static final Param<String> OUTPUT = FeatureColumns.outputColumn(IN, "weighted");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the product",
                    "含乘积的数据"), FeatureColumns.withVector(IN, OUTPUT));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("elementwise-product")
            .category(Category.FEATURE_ENGINEERING)
            .title("Elementwise product", "逐元素乘积")
            .description("Multiplies each slot of a vector column by its own weight, e.g. to weight or switch off "
                            + "features. Exported models repeat it on raw records.",
                    "将向量列的每个分量乘以各自的权重，例如为特征加权或屏蔽特征。导出的模型对原始记录执行同样的计算。")
            .keywords("elementwise product", "hadamard", "weight", "scale vector", "逐元素乘积", "加权", "向量")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMN, WEIGHTS, OUTPUT)
            .examples(Example.of("iris' measurements, the petal ones doubled and the sepal width dropped",
                            "iris 的测量值：花瓣加倍、去掉花萼宽度",
                            Map.of("column", "features", "scalingVec", "1, 0, 2, 2"))
                    .input(IN, FeatureColumns.irisMeasurements()))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String column = ctx.param(COLUMN);
        String output = ctx.param(OUTPUT);
        double[] weights = FeatureColumns.numbers(WEIGHTS.def().title().en(), ctx.param(WEIGHTS));
        int size = FeatureColumns.vectorSize(in, column);
        if (weights.length != size) {
            throw new IllegalArgumentException("Weights: " + weights.length + " given, but vector '" + column
                    + "' has " + size + " slots; give one weight per slot.");
        }
        ctx.output(OUT, in.transform(new org.apache.spark.ml.feature.ElementwiseProduct().setInputCol(column)
                .setOutputCol(output).setScalingVec(Vectors.dense(weights))));
    }
}
