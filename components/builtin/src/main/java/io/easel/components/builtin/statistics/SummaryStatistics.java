package io.easel.components.builtin.statistics;


import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Per numeric column: how many values are present and missing (null or NaN), mean, sample standard deviation,
 * minimum, quartiles and maximum. One pass over the rows whatever the number of columns: each partition keeps per
 * column its running moments and a t-digest for the quartiles (within the relative error asked for; see
 * {@link Quantiles}), and the driver merges the partitions' summaries.
 */
public final class SummaryStatistics implements SparkComponent {

    static final String ID = "summary-statistics";
    static final List<String> COLUMNS_OUT = List.of("column", "count", "missing", "mean", "std", "min", "q1",
            "median", "q3", "max");
    private static final double[] QUARTILES = {0.25, 0.5, 0.75};

    static final TableSpec TABLE = new TableSpec(COLUMNS_OUT.stream().map(name -> ColumnSpec.of(name,
            switch (name) {
                case "column" -> DataType.STRING;
                case "count", "missing" -> DataType.LONG;
                default -> DataType.DOUBLE;
            })).toList());

    public static final ReportSpec SPEC = ReportSpec.builder("summary-statistics")
            .headline("rows", "Rows", "行数")
            .headline("columns", "Columns described", "统计的列数")
            .headline("columnsWithMissing", "Columns with missing values", "含缺失值的列数")
            .metric("relativeError", "Relative error of the quartiles", "四分位数的相对误差")
            .chart("summary", ReportSpec.ChartKind.TABLE, Text.of("Summary statistics", "汇总统计"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<List<String>> COLUMNS = Columns.numbers(
            "The numeric columns to describe; empty: every numeric column.", "要统计的数值列；留空则统计所有数值列。");

    public static final Param<Double> RELATIVE_ERROR = Quantiles.relativeError();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Statistics", "统计结果"),
            SchemaRule.fixed(TABLE));

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("Summary statistics", "汇总统计")
            .description("One row per numeric column: the count of present and of missing values (null or NaN), "
                            + "mean, standard deviation, minimum, quartiles and maximum. The quartiles come from a "
                            + "t-digest of each column, within the relative error set in rank (0: exact, by "
                            + "sorting). Reads the table once whatever the number of columns (more often for a relative error below 0.0002).",
                    "每个数值列一行：非缺失值与缺失值（null 或 NaN）的个数、平均值、标准差、最小值、四分位数和最大值。"
                            + "四分位数由每列的 t-digest 得出，其排名误差在设定的相对误差以内（0 表示通过排序精确计算）。"
                            + "无论列数多少，只读取数据一遍（相对误差小于 0.0002 时读取多遍）。")
            .keywords("describe", "summary", "statistics", "mean", "std", "quartiles", "median", "min", "max",
                    "missing", "描述统计", "汇总", "统计", "均值", "标准差", "四分位数", "中位数", "缺失值")
            .inputs(IN)
            .outputs(OUT, REPORT)
            .params(COLUMNS, RELATIVE_ERROR)
            .examples(
                    Example.of("Every measurement of diabetes", "糖尿病数据的所有测量值", Map.of())
                            .input(IN, ExampleData.dataset("diabetes")),
                    Example.of("Credit amount, duration and age of credit_g", "credit_g 的贷款金额、期限与年龄",
                                    Map.of("columns", List.of("credit_amount", "duration", "age")))
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
        double relativeError = ctx.param(RELATIVE_ERROR);
        Quantiles.Described described = Quantiles.describe(Quantiles.numbers(in.rows(), columns), QUARTILES,
                relativeError);
        long rows = described.rows();
        List<Row> table = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Moments m = described.moments().get(i);
            Double[] q = Quantiles.orNull(described.quantiles()[i], QUARTILES.length);
            table.add(RowFactory.create(columns.get(i).name(), m.count(), rows - m.count(), m.mean(), m.std(),
                    m.min(), q[0], q[1], q[2], m.max()));
        }
        long withMissing = table.stream().filter(r -> r.getLong(2) > 0).count();
        ctx.output(OUT, Derived.table(this, ctx, ctx.spark().createDataFrame(table, SparkTypes.toSchema(TABLE)), in));
        ctx.output(REPORT, new ReportData(SPEC.kind(),
                Map.of("rows", rows, "columns", columns.size(), "columnsWithMissing", withMissing,
                        "relativeError", relativeError),
                Map.of("summary", Charts.table(COLUMNS_OUT, table.stream().map(Charts::cells).toList()))));
    }
}
