package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;

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
import io.easel.components.transform.ColumnBins;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Spark's QuantileDiscretizer and Bucketizer in one component (Azure's "Group Data into Bins", PAI's
 * discretization): bins of equal frequency (fitted quantiles), of equal width (fitted range) or between given
 * thresholds. The output is the bin number, 0 for the lowest; a value equal to a threshold falls into the bin below
 * it. Applied as a {@link ColumnBins} step that exported models replay.
 */
public final class Discretize implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = FeatureColumns.numericColumns(IN,
            Text.of("The numeric columns to bin.", "要分箱的数值列。"));

    public static final Param<String> STRATEGY = Param.choice("strategy", Text.of("Bins", "分箱方式"),
                    Param.option("quantile", Text.of("Equal frequency (quantiles)", "等频（分位数）")),
                    Param.option("equal-width", Text.of("Equal width", "等宽")),
                    Param.option("thresholds", Text.of("Between given thresholds", "按给定阈值")))
            .defaultValue("quantile")
            .required();

    public static final Param<Integer> BINS = Param.integer("bins", Text.of("Number of bins", "箱数"))
            .description(Text.of("Quantile bins may be fewer when values repeat (equal quantiles merge).",
                    "值重复较多时等频分箱可能少于此数（相同的分位数合并）。"))
            .defaultValue(5)
            .range(2, 1000)
            .visibleWhen(STRATEGY, "quantile", "equal-width");

    public static final Param<String> THRESHOLDS = Param.string("thresholds",
                    Text.of("Thresholds", "阈值"))
            .description(Text.of("Ascending numbers separated by commas, e.g. 18, 30, 65: four bins.",
                    "用逗号分隔的递增数值，例如 18, 30, 65：共四个箱。"))
            .visibleWhen(STRATEGY, "thresholds");

    public static final Param<String> SUFFIX = FeatureColumns.suffix();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Binned data", "分箱后的数据"),
            FeatureColumns.output(IN, COLUMNS));

    private static final int QUANTILE_ACCURACY = 10_000;

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("discretize")
            .category(Category.FEATURE_ENGINEERING)
            .title("Discretize (bin)", "离散化（分箱）")
            .description("Replaces numeric values by their bin number: equal-frequency (quantile) bins, equal-width "
                            + "bins or bins between given thresholds. Missing values stay missing. Exported models "
                            + "repeat the binning on raw records.",
                    "将数值替换为其所在箱的编号：等频（分位数）、等宽或按给定阈值分箱。缺失值保持缺失。导出的模型对"
                            + "原始记录执行同样的分箱。")
            .keywords("discretize", "bin", "bucketizer", "quantile discretizer", "buckets", "离散化", "分箱", "分桶",
                    "分位数")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, STRATEGY, BINS, THRESHOLDS, SUFFIX)
            .examples(Example.of("credit_g's ages in quartiles", "将 credit_g 的年龄按四分位分箱",
                            Map.of("columns", List.of("age", "credit_amount"), "strategy", "quantile", "bins", 4,
                                    "suffix", "_bin"))
                            .input(IN, ExampleData.dataset("credit_g")),
                    Example.of("Age bands from given limits", "按给定界限划分年龄段",
                            Map.of("columns", List.of("age"), "strategy", "thresholds", "thresholds", "25, 35, 50"))
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
        double[][] thresholds = switch (ctx.param(STRATEGY)) {
            case "thresholds" -> given(ctx.param(THRESHOLDS), columns.size());
            case "equal-width" -> equalWidth(in, columns, ctx.param(BINS));
            default -> quantiles(in, columns, ctx.param(BINS));
        };
        ctx.output(OUT, in.transform(new ColumnBins().setInputCols(columns)
                .setOutputCols(FeatureColumns.outputs(columns, ctx.param(SUFFIX))).setThresholds(thresholds)));
    }

    private static double[][] given(String text, int columns) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Thresholds: give ascending numbers separated by commas, e.g. 18, 30.");
        }
        double[] limits;
        try {
            limits = Arrays.stream(text.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Thresholds: '" + text + "' is not a list of numbers separated by "
                    + "commas, e.g. 18, 30.");
        }
        for (int i = 1; i < limits.length; i++) {
            if (limits[i] <= limits[i - 1]) {
                throw new IllegalArgumentException("Thresholds must ascend: " + limits[i] + " follows "
                        + limits[i - 1] + ".");
            }
        }
        return IntStream.range(0, columns).mapToObj(i -> limits).toArray(double[][]::new);
    }

    private static double[][] equalWidth(TableData in, List<String> columns, int bins) {
        Row ranges = aggregate(in, columns, c -> functions.struct(min(c), max(c)));
        double[][] result = new double[columns.size()][];
        for (int i = 0; i < columns.size(); i++) {
            Row range = fitted(ranges, i, columns.get(i));
            double low = range.getDouble(0);
            double width = (range.getDouble(1) - low) / bins;
            result[i] = width == 0 ? new double[] {low}
                    : IntStream.range(1, bins).mapToDouble(b -> low + b * width).toArray();
        }
        return result;
    }

    private static double[][] quantiles(TableData in, List<String> columns, int bins) {
        Column probabilities = functions.array(IntStream.range(1, bins).mapToObj(b -> lit((double) b / bins))
                .toArray(Column[]::new));
        Row quantiles = aggregate(in, columns, c -> functions.struct(percentile_approx(c, probabilities,
                lit(QUANTILE_ACCURACY))));
        double[][] result = new double[columns.size()][];
        for (int i = 0; i < columns.size(); i++) {
            List<Double> limits = fitted(quantiles, i, columns.get(i)).getList(0);
            result[i] = limits.stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray();
        }
        return result;
    }

    /** One aggregation pass computing {@code statistic} of every column (as a double), a struct each. */
    private static Row aggregate(TableData in, List<String> columns,
            java.util.function.Function<Column, Column> statistic) {
        Column[] all = columns.stream().map(c -> statistic.apply(col(c).cast("double"))).toArray(Column[]::new);
        return in.rows().agg(all[0], Arrays.copyOfRange(all, 1, all.length)).first();
    }

    private static Row fitted(Row statistics, int i, String column) {
        Row row = statistics.getStruct(i);
        if (row.isNullAt(0)) {
            throw new IllegalArgumentException("Column '" + column + "' has no values to fit the bins on: choose "
                    + "columns with numbers in them.");
        }
        return row;
    }
}
