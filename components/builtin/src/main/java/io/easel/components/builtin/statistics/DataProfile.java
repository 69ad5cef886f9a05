package io.easel.components.builtin.statistics;

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
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * A first look at every column: its type, how many values are present and missing, how many distinct values it has,
 * its most frequent values, and for numeric columns the mean, standard deviation, range and a histogram. One pass
 * over the rows whatever the number of columns: each partition keeps per column a {@link ColumnTally} (moments, the
 * count of each value up to {@value #COUNTED_DISTINCT} distinct values, sketches beyond), and the driver merges them.
 * A column with at most {@value #COUNTED_DISTINCT} distinct values gets its exact distinct count, most frequent values
 * and histogram; a more varied one (an id, a measurement) an estimate of its distinct count (within about 1 %), no
 * most frequent values, which would tell nothing, and a histogram read from a t-digest, each bin within about 0.1 % of
 * the rows.
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
                            + "(within about 1%), no most frequent values and an approximate histogram (each bin "
                            + "within about 0.1% of the rows). Reads the table once whatever the number of columns.",
                    "快速了解每一列：类型、非缺失值与缺失值个数、缺失比例、不同取值个数、最常见的取值，"
                            + "数值列另有均值、标准差、取值范围和直方图。不同取值超过 " + COUNTED_DISTINCT_TEXT
                            + " 个的列只给出不同取值个数的估计值"
                            + "（误差约在 1% 以内），不列出最常见的取值，直方图为近似值（每个区间的误差约在行数的 0.1% 以内）。"
                            + "无论列数多少，只读取数据一遍。")
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
        boolean[] numeric = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            numeric[i] = columns.get(i).type().isNumeric();
        }
        Pass pass = Pass.of(Collections.emptyIterator(), numeric);
        // merged on the driver, every partition's digest into one: merging merged digests compounds their error
        for (Pass partition : rows.select(values(columns)).javaRDD()
                .mapPartitions(part -> Collections.singletonList(Pass.of(part, numeric)).iterator()).collect()) {
            pass = pass.merge(partition);
        }
        List<List<Object>> profile = new ArrayList<>();
        Map<String, Object> histograms = new LinkedHashMap<>();
        long withMissing = 0;
        int estimated = 0;
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            ColumnTally tally = pass.columns()[i];
            Moments m = tally.moments();
            long missing = pass.rows() - m.count();
            withMissing += missing > 0 ? 1 : 0;
            estimated += tally.counted() ? 0 : 1;
            String top = tally.frequent().stream().limit(topValues).map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
            profile.add(Arrays.asList(column.name(), column.type().jsonName(), m.count(), missing,
                    pass.rows() == 0 ? null : (double) missing / pass.rows(), tally.distinct(), m.mean(), m.std(),
                    m.min(), m.max(), top));
            if (numeric[i] && m.count() > 0) {
                histograms.put(column.name(), tally.histogram(new Histograms.Range(m.min(), m.max(), bins)).chart());
            }
        }
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("profile", Charts.table(PROFILE_COLUMNS, profile));
        if (!histograms.isEmpty()) {
            charts.put("histograms", histograms);
        }
        return new ReportData(ID, Map.of("rows", pass.rows(), "columns", columns.size(),
                "completeRows", pass.completeRows(), "columnsWithMissing", withMissing,
                "estimatedDistinct", estimated), charts);
    }

    /**
     * The columns' values as {@link ColumnTally} counts them: decimals as doubles with NaN as missing, whole numbers as
     * longs, every other type as text (so top values read 1169, not 1169.0, and dates as Spark writes them).
     */
    private static Column[] values(List<ColumnSpec> columns) {
        Column[] values = new Column[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            Column value = switch (column.type()) {
                case DOUBLE -> Columns.number(column);
                case INTEGER, LONG -> Columns.named(column.name()).cast("long");
                default -> Columns.named(column.name()).cast("string");
            };
            values[i] = value.as("c" + i);
        }
        return values;
    }

    /**
     * One partition's rows (or several partitions' merged): how many, how many with every value present, and each
     * column's {@link ColumnTally}. Only these small summaries reach the driver, never the rows.
     */
    private record Pass(long rows, long completeRows, ColumnTally[] columns) implements Serializable {

        /** On an executor: the summary of a partition's rows. */
        static Pass of(Iterator<Row> rows, boolean[] numeric) {
            ColumnTally[] columns = new ColumnTally[numeric.length];
            for (int i = 0; i < numeric.length; i++) {
                columns[i] = new ColumnTally(numeric[i]);
            }
            long count = 0;
            long complete = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                boolean missing = false;
                for (int i = 0; i < columns.length; i++) {
                    Object value = row.get(i);
                    if (value == null) {
                        missing = true;
                    } else {
                        columns[i].add(value);
                    }
                }
                count++;
                complete += missing ? 0 : 1;
            }
            return new Pass(count, complete, columns);
        }

        Pass merge(Pass other) {
            for (int i = 0; i < columns.length; i++) {
                columns[i].merge(other.columns[i]);
            }
            return new Pass(rows + other.rows, completeRows + other.completeRows, columns);
        }
    }
}
