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
import io.easel.components.spi.TableData;
import io.easel.components.transform.ColumnMath;
import java.util.List;
import java.util.Map;

/**
 * Log, log1p, square root, power, absolute value or exponential of numeric columns (Azure's "Apply Math Operation",
 * PAI's feature transforms), in place or into new columns, as a {@link ColumnMath} step that exported models replay.
 */
public final class MathTransform implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = FeatureColumns.numericColumns(IN,
            Text.of("The numeric columns to transform.", "要变换的数值列。"));

    public static final Param<String> FUNCTION = Param.choice("function", Text.of("Function", "函数"),
                    Param.option("log", Text.of("Natural log, ln(x)", "自然对数 ln(x)")),
                    Param.option("log1p", Text.of("ln(1 + x), for counts with zeros", "ln(1 + x)，适合含 0 的计数")),
                    Param.option("sqrt", Text.of("Square root", "平方根")),
                    Param.option("power", Text.of("Power, x to the exponent", "幂，x 的指数次方")),
                    Param.option("abs", Text.of("Absolute value", "绝对值")),
                    Param.option("exp", Text.of("Exponential, e to the x", "指数 e^x")))
            .description(Text.of("A value the function is not defined for (the log of 0 or of a negative number, "
                            + "the square root of a negative one) becomes missing.",
                    "函数无定义的值（0 或负数的对数、负数的平方根）变为缺失值。"))
            .defaultValue("log1p")
            .required();

    public static final Param<Double> EXPONENT = Param.decimal("exponent", Text.of("Exponent", "指数"))
            .description(Text.of("The power each value is raised to.", "每个值的乘方次数。"))
            .defaultValue(2.0)
            .visibleWhen(FUNCTION, "power");

    public static final Param<String> SUFFIX = FeatureColumns.suffix();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Transformed data", "变换后的数据"),
            FeatureColumns.output(IN, COLUMNS));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("math-transform")
            .category(Category.FEATURE_ENGINEERING)
            .title("Math transform", "数学变换")
            .description("Applies log, log1p, square root, power, absolute value or exp to numeric columns, in place "
                            + "or into new columns, e.g. to tame skewed amounts. Exported models repeat it on raw "
                            + "records.",
                    "对数值列做对数、log1p、平方根、幂、绝对值或指数变换，原地替换或写入新列，例如压缩偏态的金额。"
                            + "导出的模型对原始记录执行同样的变换。")
            .keywords("log", "log1p", "sqrt", "power", "abs", "exp", "math", "transform", "对数", "平方根", "幂",
                    "数学变换")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, FUNCTION, EXPONENT, SUFFIX)
            .examples(Example.of("log1p of credit_g's amounts, into new columns", "credit_g 金额的 log1p，写入新列",
                            Map.of("columns", List.of("credit_amount", "duration"), "function", "log1p",
                                    "suffix", "_log"))
                            .input(IN, ExampleData.dataset("credit_g")),
                    Example.of("Square diabetes' body-mass index", "diabetes 体重指数的平方",
                            Map.of("columns", List.of("bmi"), "function", "power", "exponent", 2.0))
                            .input(IN, ExampleData.dataset("diabetes")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        List<String> columns = ctx.param(COLUMNS);
        ctx.output(OUT, ctx.table(IN).transform(new ColumnMath().setInputCols(columns)
                .setOutputCols(FeatureColumns.outputs(columns, ctx.param(SUFFIX)))
                .setFunction(ColumnMath.Function.fromJson(ctx.param(FUNCTION)))
                .setExponent(ctx.param(EXPONENT))));
    }
}
