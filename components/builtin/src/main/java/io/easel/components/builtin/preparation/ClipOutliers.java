package io.easel.components.builtin.preparation;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.components.transform.ClipRange;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Clips numeric columns in place to their lower and upper quantiles (winsorizing), computed on this table (Spark's
 * approximate quantiles, relative error {@value #RELATIVE_ERROR}). The clip with the fitted bounds is a
 * {@link ClipRange} step recorded in the lineage, so a model trained downstream clips raw records the same way in PMML.
 * Missing values stay missing.
 */
public final class ClipOutliers implements SparkComponent {

    static final double RELATIVE_ERROR = 0.0001;

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE)
            .description(Text.of("The numeric columns to clip.", "要截断的数值列。"))
            .required();

    public static final Param<Double> LOWER = Param.decimal("lowerQuantile", Text.of("Lower quantile", "下分位数"))
            .description(Text.of("Values below this quantile are raised to it; 0: no lower clip.",
                    "低于该分位数的值被提升到该分位数；0 表示不截断下端。"))
            .defaultValue(0.01)
            .range(0, 0.5)
            .required();

    public static final Param<Double> UPPER = Param.decimal("upperQuantile", Text.of("Upper quantile", "上分位数"))
            .description(Text.of("Values above this quantile are lowered to it; 1: no upper clip.",
                    "高于该分位数的值被降低到该分位数；1 表示不截断上端。"))
            .defaultValue(0.99)
            .range(0.5, 1)
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Clipped data", "截断后的数据"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("clip-outliers")
            .category(Category.PREPROCESSING)
            .title("Clip outliers", "异常值截断")
            .description("Limits numeric columns to their lower and upper quantiles (winsorizing), e.g. the 1% and 99% "
                            + "quantiles. Exported models clip raw records the same way.",
                    "将数值列限制在其上下分位数之间（缩尾处理），例如 1% 与 99% 分位数。导出的模型对原始记录执行同样的截断。")
            .keywords("clip", "outliers", "winsorize", "cap", "quantile", "extreme", "异常值", "截断", "缩尾", "分位数")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, LOWER, UPPER)
            .examples(Example.of("credit_g amounts and ages clipped to 5%–95%", "credit_g 的金额与年龄截断到 5%–95%",
                            Map.of("columns", List.of("credit_amount", "age"), "lowerQuantile", 0.05,
                                    "upperQuantile", 0.95))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        List<ColumnSpec> columns = ctx.columns(COLUMNS);
        String[] names = columns.stream().map(ColumnSpec::name).toArray(String[]::new);
        double[][] bounds = in.rows().stat().approxQuantile(names,
                new double[] {ctx.param(LOWER), ctx.param(UPPER)}, RELATIVE_ERROR);
        for (int i = 0; i < names.length; i++) {
            if (bounds[i].length == 0) {
                throw new IllegalArgumentException("Column '" + names[i] + "' has no values to take quantiles of; "
                        + "leave it out");
            }
        }
        List<String> inPlace = List.of(names);
        ctx.output(OUT, in.transform(new ClipRange().setInputCols(inPlace).setOutputCols(inPlace).setBounds(
                Arrays.stream(bounds).mapToDouble(b -> b[0]).toArray(),
                Arrays.stream(bounds).mapToDouble(b -> b[1]).toArray())));
    }
}
