package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.ReportSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.stat.KolmogorovSmirnovTest;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one-sample Kolmogorov–Smirnov test of a numeric column against a normal distribution, by Spark's
 * {@link KolmogorovSmirnovTest}: the largest gap between the column's empirical distribution and the normal one, and
 * its p-value. The normal's mean and standard deviation are given or fitted to the column (then the p-value is
 * optimistic, as Lilliefors showed: a fitted normal is closer to the data than a given one).
 */
public final class KolmogorovSmirnov implements SparkComponent {

    static final String ID = "kolmogorov-smirnov-test";
    static final int HISTOGRAM_BINS = 30;

    public static final ReportSpec SPEC = ReportSpec.builder(ID)
            .headline("statistic", "KS statistic (largest gap)", "KS 统计量（最大差距）")
            .headline("pValue", "p-value", "p 值")
            .headline("normal", "Consistent with the normal", "与正态分布一致")
            .metric("mean", "Normal's mean", "正态分布均值")
            .metric("std", "Normal's standard deviation", "正态分布标准差")
            .metric("rows", "Values tested", "检验的值个数")
            .metric("missing", "Missing values", "缺失值")
            .metric("significance", "Significance level", "显著性水平")
            .chart("values", ReportSpec.ChartKind.HISTOGRAM, Text.of("Distribution of the values", "取值分布"),
                    Text.of("Value", "取值"), Text.of("Rows", "行数"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<String> COLUMN = Columns.number("column", Text.of("Column", "列"),
            "The numeric column tested.", "要检验的数值列。");

    public static final Param<String> PARAMETERS = Param.choice("parameters", Text.of("Normal's parameters",
                    "正态分布参数"),
                    Param.option("fitted", Text.of("Fitted: the column's mean and standard deviation",
                            "拟合：取该列的均值和标准差")),
                    Param.option("given", Text.of("Given below", "使用下方给定的值")))
            .defaultValue("fitted");

    public static final Param<Double> MEAN = Param.decimal("mean", Text.of("Mean", "均值"))
            .description(Text.of("The normal distribution's mean.", "正态分布的均值。"))
            .defaultValue(0.0)
            .visibleWhen(PARAMETERS, "given");

    public static final Param<Double> STD = Param.decimal("std", Text.of("Standard deviation", "标准差"))
            .description(Text.of("The normal distribution's standard deviation.", "正态分布的标准差。"))
            .defaultValue(1.0)
            .range(0, true, null, false)
            .visibleWhen(PARAMETERS, "given");

    public static final Param<Double> SIGNIFICANCE = ChiSquareIndependence.significance();

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("Kolmogorov–Smirnov test", "KS 检验")
            .description("Tests whether a numeric column follows a normal distribution, with a mean and standard "
                            + "deviation given or fitted to the column: the largest gap between the two cumulative "
                            + "distributions and its p-value. With fitted parameters the p-value is optimistic "
                            + "(Lilliefors). Missing values are left out.",
                    "检验数值列是否服从正态分布，均值和标准差可以给定或由该列拟合：给出两个累积分布之间的最大差距及其 p 值。"
                            + "使用拟合参数时 p 值偏乐观（Lilliefors）。缺失值不参与检验。")
            .keywords("kolmogorov-smirnov", "ks test", "normality", "normal distribution", "goodness of fit",
                    "hypothesis test", "KS 检验", "正态性检验", "正态分布", "拟合优度", "假设检验")
            .inputs(IN)
            .outputs(REPORT)
            .params(COLUMN, PARAMETERS, MEAN, STD, SIGNIFICANCE)
            .examples(
                    Example.of("Is diabetes's BMI normal?", "糖尿病数据的 BMI 是否服从正态分布",
                                    Map.of("column", "bmi"))
                            .input(IN, ExampleData.dataset("diabetes")),
                    Example.of("Iris sepal width against a normal of mean 3 and std 0.5",
                                    "鸢尾花花萼宽度与均值 3、标准差 0.5 的正态分布比较",
                                    Map.of("column", "sepal_width_cm", "parameters", "given", "mean", 3.0,
                                            "std", 0.5))
                            .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ColumnSpec column = ctx.column(COLUMN);
        Dataset<Row> all = ctx.table(IN).rows().select(Columns.number(column).as("v"));
        List<Column> moments = new ArrayList<>(List.of(count(lit(1))));
        moments.addAll(Moments.aggregates(col("v")));
        Row totals = Columns.aggregate(all, moments);
        Moments m = Moments.read(totals, 1);
        if (m.count() < 2 || m.std() == null || m.std() == 0) {
            throw new IllegalArgumentException("Param 'column': '" + column.name() + "' has " + m.count()
                    + " values" + (m.count() < 2 ? "" : ", all equal") + "; a normality test needs at least two "
                    + "different values");
        }
        boolean fitted = ctx.param(PARAMETERS).equals("fitted");
        double mean = fitted ? m.mean() : ctx.param(MEAN);
        double std = fitted ? m.std() : ctx.param(STD);
        Dataset<Row> values = all.where(col("v").isNotNull());
        Row test = KolmogorovSmirnovTest.test(values, "v", "norm", mean, std).first();
        double pValue = test.getDouble(0);
        double significance = ctx.param(SIGNIFICANCE);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("statistic", test.getDouble(1));
        metrics.put("pValue", pValue);
        metrics.put("normal", pValue >= significance);
        metrics.put("mean", mean);
        metrics.put("std", std);
        metrics.put("rows", m.count());
        metrics.put("missing", totals.getLong(0) - m.count());
        metrics.put("significance", significance);
        Histograms.Histogram histogram = Histograms.count(values, Map.of("v", col("v")),
                Map.of("v", new Histograms.Range(m.min(), m.max(), HISTOGRAM_BINS))).get("v");
        ctx.output(REPORT, new ReportData(ID, metrics, Map.of("values", histogram.chart())));
    }
}
