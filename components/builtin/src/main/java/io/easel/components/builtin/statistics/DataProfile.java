package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * A first look at every column: its type, how many values are present and missing, how many distinct values it has,
 * its most frequent values, and for numeric columns the mean, standard deviation, range and a histogram. Three Spark
 * jobs whatever the number of columns: one aggregation of counts and moments, one of distinct-count estimates, and one
 * count of (column, value) and (column, bin) pairs giving the exact distinct counts, the most frequent values and the
 * histograms. Values are counted only in columns estimated to have at most {@value #COUNTED_DISTINCT} distinct values:
 * counting a column of ten million different values would move all of them through a shuffle, and its most frequent
 * values would tell nothing; such a column's distinct count is the estimate (within a few percent).
 */
public final class DataProfile implements SparkComponent {

    static final String ID = "data-profile";
    static final int COUNTED_DISTINCT = 10_000;
    /** {@link #COUNTED_DISTINCT} as the texts say it ("10,000"). */
    private static final String COUNTED_DISTINCT_TEXT = String.format(Locale.ROOT, "%,d", COUNTED_DISTINCT);
    static final List<String> PROFILE_COLUMNS = List.of("column", "type", "count", "missing", "missingShare",
            "distinct", "mean", "std", "min", "max", "topValues");

    public static final ReportSpec SPEC = ReportSpec.builder(ID)
            .headline("rows", "Rows", "行数")
            .headline("columns", "Columns", "列数")
            .headline("completeRows", "Rows without a missing value", "无缺失值的行数")
            .headline("columnsWithMissing", "Columns with missing values", "含缺失值的列数")
            .headline("estimatedDistinct",
                    "Columns with more than " + COUNTED_DISTINCT_TEXT + " distinct values (count estimated)",
                    "不同取值超过 " + COUNTED_DISTINCT_TEXT + " 个的列数（个数为估计值）")
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
                            + "the mean, standard deviation, range and a histogram. Columns with more than "
                            + COUNTED_DISTINCT_TEXT + " distinct values get an estimate of their distinct count "
                            + "(within a few percent) and no "
                            + "most frequent values. Reads the table three times whatever the number of columns.",
                    "快速了解每一列：类型、非缺失值与缺失值个数、缺失比例、不同取值个数、最常见的取值，"
                            + "数值列另有均值、标准差、取值范围和直方图。不同取值超过 " + COUNTED_DISTINCT_TEXT
                            + " 个的列只给出不同取值个数的估计值"
                            + "（误差在百分之几以内），不列出最常见的取值。无论列数多少，只读取数据三遍。")
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
        // a job of its own: in the aggregation above, the distinct estimates would stop Spark generating code for it
        Row estimates = Columns.aggregate(selected, distinctEstimates(columns));
        long rowCount = totals.getLong(0);
        List<Moments> moments = new ArrayList<>();
        Map<Integer, Histograms.Range> ranges = new LinkedHashMap<>();
        Set<Integer> counted = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            Moments m = Moments.read(totals, 2 + i * Moments.WIDTH);
            moments.add(m);
            if (columns.get(i).type().isNumeric() && m.count() > 0) {
                ranges.put(i, new Histograms.Range(m.min(), m.max(), bins));
            }
            if (estimates.getLong(i) <= COUNTED_DISTINCT) {
                counted.add(i);
            }
        }
        Counts counts = Counts.of(selected, columns, counted, ranges);
        List<List<Object>> profile = new ArrayList<>();
        Map<String, Object> histograms = new LinkedHashMap<>();
        long withMissing = 0;
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            Moments m = moments.get(i);
            long missing = rowCount - m.count();
            withMissing += missing > 0 ? 1 : 0;
            List<Map.Entry<String, Long>> frequent = counts.values(i);
            long distinct = counted.contains(i) ? frequent.size() : estimates.getLong(i);
            String top = frequent.stream().limit(topValues).map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
            profile.add(Arrays.asList(column.name(), column.type().jsonName(), m.count(), missing,
                    rowCount == 0 ? null : (double) missing / rowCount, distinct, m.mean(), m.std(), m.min(),
                    m.max(), top));
            if (ranges.containsKey(i)) {
                Histograms.Range range = ranges.get(i);
                histograms.put(column.name(), new Histograms.Histogram(range.edges(),
                        Arrays.stream(counts.bins(i, range.bins())).boxed().toList()).chart());
            }
        }
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("profile", Charts.table(PROFILE_COLUMNS, profile));
        if (!histograms.isEmpty()) {
            charts.put("histograms", histograms);
        }
        return new ReportData(ID, Map.of("rows", rowCount, "columns", columns.size(),
                "completeRows", totals.getLong(1), "columnsWithMissing", withMissing,
                "estimatedDistinct", columns.size() - counted.size()), charts);
    }

    /** Per column, an estimate of its count of distinct present values (HyperLogLog++). */
    private static List<Column> distinctEstimates(List<ColumnSpec> columns) {
        return IntStream.range(0, columns.size()).mapToObj(i -> approx_count_distinct(col(alias(i)))).toList();
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

    /**
     * In one Spark job, the count of each present value of the {@code counted} columns and of each histogram bin of
     * the columns with a range: one (column, bin or value) pair per row and column, counted per pair, so only the
     * counts come back to the driver. Numbers are counted as numbers, not as texts, which would cost a conversion per
     * row.
     */
    private record Counts(Map<Integer, long[]> bins, Map<Integer, Map<String, Long>> values) {

        static Counts of(Dataset<Row> selected, List<ColumnSpec> columns, Set<Integer> counted,
                Map<Integer, Histograms.Range> ranges) {
            Column noBin = lit(null).cast("int");
            Column noDecimal = lit(null).cast("double");
            Column noWhole = lit(null).cast("long");
            Column noText = lit(null).cast("string");
            List<Column> pairs = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column value = col(alias(i));
                DataType type = columns.get(i).type();
                if (counted.contains(i)) {
                    pairs.add(when(value.isNotNull(), struct(lit(i).as("c"), noBin.as("b"),
                            type == DataType.DOUBLE ? value.as("d") : noDecimal.as("d"),
                            type == DataType.INTEGER || type == DataType.LONG ? value.cast("long").as("l")
                                    : noWhole.as("l"),
                            type.isNumeric() ? noText.as("s") : value.cast("string").as("s"))));
                }
                Histograms.Range range = ranges.get(i);
                if (range != null) {
                    Column number = value.cast("double");
                    pairs.add(when(range.contains(number), struct(lit(i).as("c"), range.bin(number).as("b"),
                            noDecimal.as("d"), noWhole.as("l"), noText.as("s"))));
                }
            }
            Map<Integer, long[]> bins = new HashMap<>();
            Map<Integer, Map<String, Long>> values = new HashMap<>();
            if (pairs.isEmpty()) {
                return new Counts(bins, values);
            }
            for (Row r : selected.select(explode(array(pairs.toArray(Column[]::new))).as("p"))
                    .where(col("p").isNotNull())
                    .groupBy(col("p.c"), col("p.b"), col("p.d"), col("p.l"), col("p.s")).count().collectAsList()) {
                int column = r.getInt(0);
                if (!r.isNullAt(1)) {
                    bins.computeIfAbsent(column, c -> new long[ranges.get(c).bins()])[r.getInt(1)] = r.getLong(5);
                } else {
                    String value = !r.isNullAt(2) ? String.valueOf(r.getDouble(2))
                            : !r.isNullAt(3) ? String.valueOf(r.getLong(3)) : r.getString(4);
                    values.computeIfAbsent(column, c -> new HashMap<>()).put(value, r.getLong(5));
                }
            }
            return new Counts(bins, values);
        }

        long[] bins(int column, int count) {
            return bins.getOrDefault(column, new long[count]);
        }

        /** A counted column's values, most frequent first, ties by value; empty for a column not counted. */
        List<Map.Entry<String, Long>> values(int column) {
            return values.getOrDefault(column, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .toList();
        }
    }
}
