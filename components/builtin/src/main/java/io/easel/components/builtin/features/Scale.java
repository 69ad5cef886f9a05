package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.mean;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.stddev_samp;

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
import io.easel.components.transform.ColumnScaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * One scaler with the four methods of Spark's StandardScaler, MinMaxScaler, MaxAbsScaler and RobustScaler (PAI's
 * "standardize" and "normalize", Azure's "Normalize Data" with its ZScore/MinMax methods), on columns rather than a
 * vector. Fitted on the input rows in one aggregation, applied as a {@link ColumnScaling} step that exported models
 * replay. A column with no spread (all values equal) scales to 0.
 */
public final class Scale implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = FeatureColumns.numericColumns(IN,
            Text.of("The numeric columns to scale.", "要缩放的数值列。"));

    public static final Param<String> METHOD = Param.choice("method", Text.of("Method", "方法"),
                    Param.option("standard", Text.of("Standard: (x - mean) / standard deviation",
                            "标准化：(x - 均值) / 标准差")),
                    Param.option("min-max", Text.of("Min-max: into [0, 1]", "最小-最大：缩放到 [0, 1]")),
                    Param.option("max-abs", Text.of("Max-abs: x / max |x|, into [-1, 1]",
                            "最大绝对值：x / max|x|，缩放到 [-1, 1]")),
                    Param.option("robust", Text.of("Robust: (x - median) / interquartile range",
                            "稳健：(x - 中位数) / 四分位距")))
            .description(Text.of("Robust scaling resists outliers; its quartiles are approximate (within 0.1% of "
                            + "the rows) on large tables.",
                    "稳健缩放不受离群值影响；大表上的四分位数为近似值（误差在 0.1% 的行以内）。"))
            .defaultValue("standard")
            .required();

    public static final Param<String> SUFFIX = FeatureColumns.suffix();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Scaled data", "缩放后的数据"),
            FeatureColumns.output(IN, COLUMNS));

    private static final int QUARTILE_ACCURACY = 1000;

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("scale")
            .category(Category.FEATURE_ENGINEERING)
            .title("Scale columns", "列缩放")
            .description("Standardizes or normalizes numeric columns: standard (z-score), min-max, max-abs or "
                            + "robust scaling, fitted on the input rows, in place or into new columns. Missing values "
                            + "stay missing. Exported models repeat the scaling on raw records.",
                    "对数值列做标准化或归一化：标准化（z-score）、最小-最大、最大绝对值或稳健缩放，在输入数据上拟合，"
                            + "原地替换或写入新列。缺失值保持缺失。导出的模型对原始记录执行同样的缩放。")
            .keywords("scale", "standardize", "normalize", "z-score", "min-max", "max-abs", "robust scaler",
                    "standard scaler", "标准化", "归一化", "缩放")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, METHOD, SUFFIX)
            .examples(Example.of("Standardize diabetes' measurements", "标准化 diabetes 的各项指标",
                            Map.of("columns", List.of("age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"),
                                    "method", "standard"))
                            .input(IN, ExampleData.dataset("diabetes")),
                    Example.of("Robust-scale credit_g's amounts into new columns", "将 credit_g 的金额稳健缩放到新列",
                            Map.of("columns", List.of("credit_amount", "duration"), "method", "robust",
                                    "suffix", "_scaled"))
                            .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        List<String> columns = ctx.param(COLUMNS);
        String method = ctx.param(METHOD);
        Row stats = in.rows().agg(statistics(columns.getFirst(), method), columns.stream().skip(1)
                .map(c -> statistics(c, method)).toArray(Column[]::new)).first();
        double[] centers = new double[columns.size()];
        double[] factors = new double[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Row column = stats.getStruct(i);
            if (column.isNullAt(0)) {
                throw new IllegalArgumentException("Column '" + columns.get(i) + "' has no values to fit the "
                        + "scaling on: choose columns with numbers in them.");
            }
            centers[i] = column.getDouble(0);
            double spread = column.isNullAt(1) ? 0 : column.getDouble(1);
            factors[i] = spread == 0 || Double.isNaN(spread) ? 0 : 1 / spread;
        }
        ctx.output(OUT, in.transform(new ColumnScaling().setInputCols(columns)
                .setOutputCols(FeatureColumns.outputs(columns, ctx.param(SUFFIX)))
                .setCenters(centers).setFactors(factors)));
    }

    /** A struct of the column's center and spread under {@code method}. */
    private static Column statistics(String column, String method) {
        Column x = col(column).cast("double");
        List<Column> centerAndSpread = new ArrayList<>(switch (method) {
            case "standard" -> List.of(mean(x), stddev_samp(x));
            case "min-max" -> List.of(min(x), max(x).minus(min(x)));
            case "max-abs" -> List.of(functions.when(max(abs(x)).isNotNull(), 0d), max(abs(x)));
            case "robust" -> {
                Column quartiles = percentile_approx(x, functions.array(functions.lit(0.25), functions.lit(0.5),
                        functions.lit(0.75)), functions.lit(QUARTILE_ACCURACY));
                yield List.of(quartiles.getItem(1), quartiles.getItem(2).minus(quartiles.getItem(0)));
            }
            default -> throw new IllegalArgumentException("Unknown scaling method " + method);
        });
        return functions.struct(centerAndSpread.toArray(Column[]::new));
    }
}
