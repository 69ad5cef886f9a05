package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.ReportSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;

/**
 * A first look at every column: its type, how many values are present and missing, how many distinct values it has,
 * its most frequent values, and for numeric columns the mean, standard deviation, range and a histogram. Three Spark
 * jobs whatever the number of columns: one aggregation, one count of the (column, value) pairs (giving both the
 * distinct counts and the most frequent values), one count of the (column, bin) pairs.
 */
public final class DataProfile implements SparkComponent {

    static final String ID = "data-profile";
    static final List<String> PROFILE_COLUMNS = List.of("column", "type", "count", "missing", "missingShare",
            "distinct", "mean", "std", "min", "max", "topValues");

    public static final ReportSpec SPEC = ReportSpec.builder(ID)
            .headline("rows", "Rows", "行数")
            .headline("columns", "Columns", "列数")
            .headline("completeRows", "Rows without a missing value", "无缺失值的行数")
            .headline("columnsWithMissing", "Columns with missing values", "含缺失值的列数")
            .chart("profile", ReportSpec.ChartKind.TABLE, Text.of("Columns", "各列概况"))
            .chart("histograms", ReportSpec.ChartKind.HISTOGRAMS, Text.of("Distributions of the numeric columns",
                    "数值列的分布"), Text.of("Value", "取值"), Text.of("Rows", "行数"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    Columns.VALUES)
            .description(Text.of("The columns to profile; empty: every column (but vectors).",
                    "要分析的列；留空则分析所有列（向量列除外）。"))
            .allWhenEmpty();

    public static final Param<Integer> TOP_VALUES = Param.integer("topValues", Text.of("Top values", "常见取值个数"))
            .description(Text.of("How many of each column's most frequent values to show.",
                    "每列显示出现次数最多的前几个取值。"))
            .defaultValue(5)
            .range(1, 50);

    public static final Param<Integer> BINS = Param.integer("bins", Text.of("Histogram bins", "直方图区间数"))
            .description(Text.of("How many equal-width bins each numeric column's histogram has.",
                    "每个数值列直方图的等宽区间个数。"))
            .defaultValue(20)
            .range(1, 200)
            .advanced();

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("Data profile", "数据概况")
            .description("A first look at each column: type, present and missing values, share missing, distinct "
                            + "values, most frequent values, and for numeric columns "
                            + "the mean, standard deviation, range and a histogram. Reads the table three times "
                            + "whatever the number of columns.",
                    "快速了解每一列：类型、非缺失值与缺失值个数、缺失比例、不同取值个数、最常见的取值，"
                            + "数值列另有均值、标准差、取值范围和直方图。无论列数多少，只读取数据三遍。")
            .keywords("profile", "eda", "explore", "overview", "missing", "distinct", "histogram", "top values",
                    "数据概况", "探索性分析", "缺失值", "不同取值", "直方图")
            .inputs(IN)
            .outputs(REPORT)
            .params(COLUMNS, TOP_VALUES, BINS)
            .examples(
                    Example.of("Every column of credit_g", "credit_g 的所有列", Map.of())
                            .input(IN, ExampleData.dataset("credit_g")),
                    Example.of("The votes, with their missing values", "投票数据及其缺失值", Map.of("topValues", 3))
                            .input(IN, ExampleData.dataset("vote")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ctx.output(REPORT, profile(ctx.table(IN).rows(), ctx.columns(COLUMNS), ctx.param(TOP_VALUES), ctx.param(BINS)));
    }

    /**
     * The profile of every column of {@code rows} but vectors, with this component's defaults: the column statistics
     * the engine computes on demand for any table output.
     */
    public static ReportData profile(Dataset<Row> rows) {
        List<DataType> countable = List.of(Columns.VALUES);
        List<ColumnSpec> columns = new ArrayList<>();
        for (StructField field : rows.schema().fields()) {
            SparkTypes.nearestEasel(field.dataType()).filter(countable::contains)
                    .ifPresent(type -> columns.add(ColumnSpec.of(field.name(), type)));
        }
        return profile(rows, columns, TOP_VALUES.read(TOP_VALUES.def().defaultValue()),
                BINS.read(BINS.def().defaultValue()));
    }

    /** This component's report on {@code columns} of {@code rows}. */
    public static ReportData profile(Dataset<Row> rows, List<ColumnSpec> columns, int topValues, int bins) {
        // decimals with NaN as missing; other values as they are, so top values read 1169, not 1169.0
        List<Column> values = columns.stream().map(c -> c.type() == DataType.DOUBLE ? Columns.number(c)
                : Columns.named(c.name())).toList();
        Dataset<Row> selected = rows.select(valuesAliased(values));
        Row totals = Columns.aggregate(selected, aggregatesOnSelection(columns));
        long rowCount = totals.getLong(0);
        int at = 2;
        List<List<Object>> profile = new ArrayList<>();
        Map<String, Histograms.Range> ranges = new LinkedHashMap<>();
        Map<String, Column> numbers = new LinkedHashMap<>();
        Map<Integer, Frequent> frequent = frequent(selected, columns.size(), topValues);
        long withMissing = 0;
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            Moments m = Moments.read(totals, at);
            at += Moments.WIDTH;
            Frequent common = frequent.getOrDefault(i, Frequent.NONE);
            long missing = rowCount - m.count();
            withMissing += missing > 0 ? 1 : 0;
            profile.add(Arrays.asList(column.name(), column.type().jsonName(), m.count(), missing,
                    rowCount == 0 ? null : (double) missing / rowCount, common.distinct(), m.mean(), m.std(), m.min(),
                    m.max(), common.top()));
            if (column.type().isNumeric() && m.count() > 0) {
                ranges.put(column.name(), new Histograms.Range(m.min(), m.max(), bins));
                numbers.put(column.name(), col(alias(i)).cast("double"));
            }
        }
        Map<String, Object> histograms = new LinkedHashMap<>();
        Histograms.count(selected, numbers, ranges).forEach((name, h) -> histograms.put(name, h.chart()));
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("profile", Charts.table(PROFILE_COLUMNS, profile));
        if (!histograms.isEmpty()) {
            charts.put("histograms", histograms);
        }
        return new ReportData(ID, Map.of("rows", rowCount, "columns", columns.size(),
                "completeRows", totals.getLong(1), "columnsWithMissing", withMissing), charts);
    }

    private static Column[] valuesAliased(List<Column> values) {
        Column[] aliased = new Column[values.size()];
        for (int i = 0; i < values.size(); i++) {
            aliased[i] = values.get(i).as(alias(i));
        }
        return aliased;
    }

    private static String alias(int column) {
        return "c" + column;
    }

    /**
     * Over the selection of aliased values: the row count, the rows with every value present, then per column its
     * {@link Moments} (only the present count for other types).
     */
    private static List<Column> aggregatesOnSelection(List<ColumnSpec> columns) {
        List<Column> aggregates = new ArrayList<>(List.of(count(lit(1))));
        Column complete = lit(true);
        for (int i = 0; i < columns.size(); i++) {
            complete = complete.and(col(alias(i)).isNotNull());
        }
        aggregates.add(count(when(complete, 1)));
        for (int i = 0; i < columns.size(); i++) {
            Column value = col(alias(i));
            aggregates.addAll(columns.get(i).type().isNumeric() ? Moments.aggregates(value.cast("double"))
                    : Moments.countOnly(value));
        }
        return aggregates;
    }

    /** A column's count of distinct present values, and its most frequent ones as "value (count), …". */
    record Frequent(long distinct, String top) {
        static final Frequent NONE = new Frequent(0, "");
    }

    /**
     * Each column's distinct count and most frequent present values (most frequent first, ties by value), by column
     * index: one count of the (column, value) pairs, ranked within each column.
     */
    private static Map<Integer, Frequent> frequent(Dataset<Row> selected, int columns, int top) {
        Column[] pairs = new Column[columns];
        for (int i = 0; i < columns; i++) {
            pairs[i] = when(col(alias(i)).isNotNull(), struct(lit(i).as("c"), col(alias(i)).cast("string").as("v")));
        }
        List<Row> ranked = selected.select(explode(array(pairs)).as("p")).where(col("p").isNotNull())
                .groupBy(col("p.c").as("c"), col("p.v").as("v")).count()
                .withColumn("rank", row_number().over(Window.partitionBy("c").orderBy(col("count").desc(),
                        col("v").asc())))
                .withColumn("distinct", count(lit(1)).over(Window.partitionBy("c")))
                .where(col("rank").leq(top)).collectAsList();
        // sorted here, not by Spark: a global sort would cost a sampling pass over so few rows
        return ranked.stream().sorted(Comparator.comparing((Row r) -> r.getInt(0)).thenComparing(r -> r.getInt(3)))
                .collect(Collectors.groupingBy(r -> r.getInt(0), LinkedHashMap::new,
                Collectors.collectingAndThen(Collectors.toList(), rows -> new Frequent(rows.getFirst().getLong(4),
                        rows.stream().map(r -> r.getString(1) + " (" + r.getLong(2) + ")")
                                .collect(Collectors.joining(", "))))));
    }
}
