package io.easel.components.builtin.features;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.transform.ColumnBins;
import java.util.List;
import java.util.Map;

/**
 * Spark's Binarizer on columns: 1 above the threshold, 0 at or below it, missing stays missing. A {@link ColumnBins}
 * step with one threshold per column, which exported models replay.
 */
public final class Binarize implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = FeatureColumns.numericColumns(IN,
            Text.of("The numeric columns to binarize.", "要二值化的数值列。"));

    public static final Param<Double> THRESHOLD = Param.decimal("threshold", Text.of("Threshold", "阈值"))
            .description(Text.of("Values above it become 1, the others 0.", "大于阈值的值变为 1，其余为 0。"))
            .defaultValue(0.0)
            .required();

    public static final Param<String> SUFFIX = FeatureColumns.suffix();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Binarized data", "二值化后的数据"),
            FeatureColumns.output(IN, COLUMNS));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("binarize")
            .category(Category.FEATURE_ENGINEERING)
            .title("Binarize", "二值化")
            .description("Turns numeric columns into 0/1 flags: 1 above a threshold, 0 at or below it; missing values "
                            + "stay missing. Exported models repeat it on raw records.",
                    "将数值列转为 0/1 标志：大于阈值为 1，小于或等于阈值为 0；缺失值保持缺失。导出的模型对原始记录执行"
                            + "同样的转换。")
            .keywords("binarize", "binarizer", "threshold", "flag", "二值化", "阈值")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, THRESHOLD, SUFFIX)
            .examples(Example.of("Flag credit_g's loans longer than two years", "标记 credit_g 中超过两年的贷款",
                            Map.of("columns", List.of("duration"), "threshold", 24.0, "suffix", "_over_24"))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        List<String> columns = ctx.param(COLUMNS);
        double[][] thresholds = columns.stream().map(c -> new double[] {ctx.param(THRESHOLD)})
                .toArray(double[][]::new);
        ctx.output(OUT, ctx.table(IN).transform(new ColumnBins().setInputCols(columns)
                .setOutputCols(FeatureColumns.outputs(columns, ctx.param(SUFFIX))).setThresholds(thresholds)));
    }
}
