package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

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
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A numeric column's values counted in equal-width bins over a range, the data's own unless set. Two Spark jobs: one
 * aggregation for the range and the counts of missing and out-of-range values, one for the bins' counts.
 */
public final class Histogram implements SparkComponent {

    static final String ID = "histogram";

    public static final ReportSpec SPEC = ReportSpec.builder(ID)
            .headline("counted", "Values counted", "计入的值")
            .headline("missing", "Missing values", "缺失值")
            .metric("rows", "Rows", "行数")
            .metric("belowRange", "Values below the range", "低于范围的值")
            .metric("aboveRange", "Values above the range", "高于范围的值")
            .metric("lowest", "Range from", "范围下限")
            .metric("highest", "Range to", "范围上限")
            .metric("binWidth", "Bin width", "区间宽度")
            .chart("histogram", ReportSpec.ChartKind.HISTOGRAM, Text.of("Histogram", "直方图"),
                    Text.of("Value", "取值"), Text.of("Rows", "行数"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<String> COLUMN = Columns.number("column", Text.of("Column", "列"),
            "The numeric column whose values are counted.", "要统计分布的数值列。");

    public static final Param<Integer> BINS = Param.integer("bins", Text.of("Bins", "区间数"))
            .description(Text.of("How many equal-width bins the range is cut into.", "将范围等宽划分的区间个数。"))
            .defaultValue(20)
            .range(1, 1000);

    public static final Param<Double> LOWEST = Param.decimal("lowest", Text.of("Range from", "范围下限"))
            .description(Text.of("Where the first bin starts; blank: the smallest value. Values below are counted "
                            + "apart.",
                    "第一个区间的起点；留空则取最小值。低于该值的值单独计数。"))
            .advanced();

    public static final Param<Double> HIGHEST = Param.decimal("highest", Text.of("Range to", "范围上限"))
            .description(Text.of("Where the last bin ends (included); blank: the largest value. Values above are "
                            + "counted apart.",
                    "最后一个区间的终点（包含）；留空则取最大值。高于该值的值单独计数。"))
            .advanced();

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("Histogram", "直方图")
            .description("Counts a numeric column's values in equal-width bins, over the range of the data or one "
                            + "you set; missing values and values outside the range are counted apart.",
                    "将数值列的取值按等宽区间计数，范围取数据的范围或自行设定；缺失值与超出范围的值单独计数。")
            .keywords("histogram", "distribution", "bins", "frequency", "直方图", "分布", "区间", "频数")
            .inputs(IN)
            .outputs(REPORT)
            .params(COLUMN, BINS, LOWEST, HIGHEST)
            .examples(
                    Example.of("Credit amounts of credit_g", "credit_g 的贷款金额分布",
                                    Map.of("column", "credit_amount", "bins", 25))
                            .input(IN, ExampleData.dataset("credit_g")),
                    Example.of("Iris petal lengths from 1 to 7 cm in 12 bins", "鸢尾花花瓣长度 1 到 7 厘米分 12 个区间",
                                    Map.of("column", "petal_length_cm", "bins", 12, "lowest", 1.0, "highest", 7.0))
                            .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ColumnSpec column = ctx.column(COLUMN);
        Double lowest = ctx.param(LOWEST);
        Double highest = ctx.param(HIGHEST);
        if (lowest != null && highest != null && !(lowest < highest)) {
            throw new IllegalArgumentException("Params 'lowest' and 'highest': the range must run from low to high, "
                    + "not from " + lowest + " to " + highest);
        }
        Dataset<Row> values = ctx.table(IN).rows().select(Columns.number(column).as("v"));
        Column v = col("v");
        Row totals = values.agg(count(lit(1)), count(v), min(v), max(v),
                count(when(lowest == null ? lit(false) : v.lt(lowest), 1)),
                count(when(highest == null ? lit(false) : v.gt(highest), 1))).first();
        long rows = totals.getLong(0);
        long present = totals.getLong(1);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rows", rows);
        metrics.put("missing", rows - present);
        Map<String, Object> charts = new LinkedHashMap<>();
        long counted = 0;
        if (present > 0) {
            double from = lowest != null ? lowest : totals.getDouble(2);
            double to = highest != null ? highest : totals.getDouble(3);
            if (from > to) {
                throw new IllegalArgumentException("Params 'lowest' and 'highest': every value of '" + column.name()
                        + "' lies outside the range set, from " + from + " to " + to + "; widen it or leave a side "
                        + "blank");
            }
            Histograms.Range range = new Histograms.Range(from, to, ctx.param(BINS));
            Histograms.Histogram histogram = Histograms.count(values, Map.of("v", v), Map.of("v", range)).get("v");
            counted = histogram.total();
            charts.put("histogram", histogram.chart());
            metrics.put("belowRange", totals.getLong(4));
            metrics.put("aboveRange", totals.getLong(5));
            metrics.put("lowest", from);
            metrics.put("highest", to);
            metrics.put("binWidth", range.width());
        }
        metrics.put("counted", counted);
        ctx.output(REPORT, new ReportData(ID, metrics, charts));
    }
}
