package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How often each value of a column occurs, most frequent first, missing values counted as one value (null). Spark
 * groups and counts; the table holds the {@code top} most frequent values, and the report says how many rows the
 * values left out hold, so that the counts shown and those rows add up to the row count.
 */
public final class ValueCounts implements SparkComponent {

    static final String ID = "value-counts";
    static final String VALUE = "value";
    static final String COUNT = "count";
    static final String SHARE = "share";
    static final String MISSING_LABEL = "(missing)";

    public static final ReportSpec SPEC = ReportSpec.builder(ID)
            .headline("distinct", "Distinct values", "不同取值数")
            .headline("missing", "Missing values", "缺失值")
            .headline("rows", "Rows", "行数")
            .metric("shown", "Values shown", "显示的取值数")
            .metric("otherRows", "Rows with other values", "其他取值的行数")
            .chart("counts", ReportSpec.ChartKind.BARS, Text.of("Most frequent values", "最常见的取值"),
                    Text.of("Rows", "行数"), Text.of("Value", "取值"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<String> COLUMN = Param.column("column", Text.of("Column", "列"), IN, Columns.VALUES)
            .description(Text.of("The column whose values are counted.", "要统计取值频数的列。"))
            .required();

    public static final Param<Integer> TOP = Param.integer("top", Text.of("Most frequent", "显示个数"))
            .description(Text.of("How many of the most frequent values to list.", "列出出现次数最多的前几个取值。"))
            .defaultValue(20)
            .range(1, 10_000);

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Value counts", "取值频数"),
            SchemaRule.newTable()
                    .add(ColumnOp.Name.of(VALUE), ColumnOp.Type.ofColumn(COLUMN))
                    .add(ColumnOp.Name.of(COUNT), ColumnOp.Type.of(DataType.LONG))
                    .add(ColumnOp.Name.of(SHARE), ColumnOp.Type.of(DataType.DOUBLE)));

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("Value counts", "取值频数")
            .description("How often each value of a column occurs, most frequent first, with its share of the rows; "
                            + "missing values count as one value (empty). Lists the most frequent values and says how "
                            + "many rows the others hold.",
                    "统计某列每个取值出现的次数及其占比，按次数从多到少排列；缺失值作为一个取值（空）计数。列出最常见的取值，"
                            + "并给出其余取值所占的行数。")
            .keywords("value counts", "frequency", "count", "distinct", "top values", "categories", "频数", "计数",
                    "取值分布", "类别")
            .inputs(IN)
            .outputs(OUT, REPORT)
            .params(COLUMN, TOP)
            .examples(
                    Example.of("Credit purposes in credit_g", "credit_g 的贷款用途", Map.of("column", "purpose"))
                            .input(IN, ExampleData.dataset("credit_g")),
                    Example.of("The 5 most common votes on the crime bill, missing ones included",
                                    "犯罪法案投票中最常见的 5 种取值（含缺失）", Map.of("column", "crime", "top", 5))
                            .input(IN, ExampleData.dataset("vote")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        int top = ctx.param(TOP);
        Dataset<Row> counts = in.rows().groupBy(Columns.named(ctx.param(COLUMN)).as(VALUE)).agg(count(lit(1)).as(COUNT))
                .persist();
        try {
            Row totals = counts.agg(count(lit(1)), sum(COUNT), sum(when(
                    col(VALUE).isNull(), col(COUNT)))).first();
            long distinct = totals.getLong(0);
            long rows = distinct == 0 ? 0 : totals.getLong(1);
            long missing = totals.isNullAt(2) ? 0 : totals.getLong(2);
            TableData table = Derived.table(this, ctx, counts.withColumn(SHARE, col(COUNT).divide(lit((double)
                    Math.max(rows, 1)))), in).inOrder(col(COUNT).desc(), col(VALUE).asc_nulls_last());
            List<Row> shown = table.rows().limit(top).collectAsList();
            Map<String, Object> bars = new LinkedHashMap<>();
            shown.forEach(r -> bars.put(r.isNullAt(0) ? MISSING_LABEL : String.valueOf(r.get(0)), r.getLong(1)));
            long shownRows = shown.stream().mapToLong(r -> r.getLong(1)).sum();
            ctx.output(OUT, table.readBack(table.rows().limit(top)));
            ctx.output(REPORT, new ReportData(ID, Map.of("distinct", distinct - (missing > 0 ? 1 : 0),
                    "missing", missing, "rows", rows, "shown", shown.size(), "otherRows", rows - shownRows),
                    Map.of("counts", bars)));
        } finally {
            counts.unpersist();
        }
    }
}
