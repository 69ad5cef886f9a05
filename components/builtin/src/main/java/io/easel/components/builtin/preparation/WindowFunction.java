package io.easel.components.builtin.preparation;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Appends a rank or a running total computed over ordered partitions of rows (SQL window functions). Its value
 * depends on other rows, so it has no PMML form: the output starts a new lineage. Shifting a column (lag, lead) is
 * {@link LagLead}. Without partition columns the whole table is one window, which Spark computes on one executor.
 */
public final class WindowFunction implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> FUNCTION = Param.choice("function", Text.of("Function", "窗口函数"),
                    Param.option("rowNumber", Text.of("Row number (1, 2, 3 …)", "行号（1, 2, 3 …）")),
                    Param.option("rank", Text.of("Rank (ties share, gaps follow)", "排名（并列同名次，之后跳号）")),
                    Param.option("denseRank", Text.of("Dense rank (ties share, no gaps)", "密集排名（并列同名次，不跳号）")),
                    Param.option("runningSum", Text.of("Running sum of a column", "某列的累计和")),
                    Param.option("runningMean", Text.of("Running mean of a column", "某列的累计平均值")))
            .defaultValue("rowNumber")
            .required();

    public static final Param<List<String>> PARTITION = Param.columns("partitionBy", Text.of("Partition by", "分区列"),
                    IN)
            .description(Text.of("The function restarts for each combination of these columns; empty: one "
                            + "partition.",
                    "每种取值组合内重新计算；留空则全表为一个分区。"));

    public static final Param<List<String>> ORDER = Param.columns("orderBy", Text.of("Order by", "排序列"), IN)
            .description(Text.of("The order of rows within a partition, most important column first.",
                    "分区内行的顺序，最重要的列在前。"))
            .required();

    public static final Param<Boolean> DESCENDING = Param.bool("descending", Text.of("Descending", "降序"))
            .description(Text.of("Order largest first.", "从大到小排序。"))
            .defaultValue(false);

    public static final Param<String> VALUE = Param.column("value", Text.of("Value column", "值列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE)
            .description(Text.of("The column summed or averaged.", "被累计求和或求平均的列。"))
            .visibleWhen(FUNCTION, "runningSum", "runningMean");

    public static final Param<String> OUTPUT = Param.string("output", Text.of("New column", "新列名"))
            .description(Text.of("The name of the appended column.", "追加列的名称。"))
            .defaultValue("window_value")
            .required();

    static final Map<String, DataType> TYPES = Map.of("rowNumber", DataType.INTEGER, "rank", DataType.INTEGER,
            "denseRank", DataType.INTEGER, "runningSum", DataType.DOUBLE, "runningMean", DataType.DOUBLE);

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the column", "添加列后的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(OUTPUT), ColumnOp.Type.byChoice(FUNCTION, TYPES)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("window-function")
            .category(Category.PREPROCESSING)
            .title("Window function", "窗口函数")
            .description("Appends a row number, rank or running sum/mean computed over ordered groups of rows.",
                    "按分组内的顺序计算行号、排名或累计和/平均值，并追加为新列。")
            .keywords("window", "rank", "row number", "running total", "cumulative", "over", "partition", "窗口",
                    "排名", "累计")
            .inputs(IN)
            .outputs(OUT)
            .params(FUNCTION, PARTITION, ORDER, DESCENDING, VALUE, OUTPUT)
            .examples(Example.of("Rank of each credit by amount within its purpose", "每笔贷款在其用途内按金额的排名",
                            Map.of("function", "rank", "partitionBy", List.of("purpose"),
                                    "orderBy", List.of("credit_amount"), "descending", true,
                                    "output", "amount_rank"))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String function = ctx.param(FUNCTION);
        WindowSpec window = ordered(ctx.param(PARTITION), ctx.param(ORDER), ctx.param(DESCENDING));
        Column value = switch (function) {
            case "rowNumber" -> functions.row_number().over(window);
            case "rank" -> functions.rank().over(window);
            case "denseRank" -> functions.dense_rank().over(window);
            default -> running(function, ctx.param(VALUE), window);
        };
        ctx.output(OUT, NewLineage.of(this, ctx, in.rows().withColumn(ctx.param(OUTPUT).strip(),
                value.cast(TYPES.get(function) == DataType.INTEGER ? "int" : "double")), in));
    }

    /** The window of the given partition and order columns. */
    static WindowSpec ordered(List<String> partition, List<String> order, boolean descending) {
        Column[] keys = (partition == null ? List.<String>of() : partition).stream()
                .map(c -> functions.col(SelectColumns.quoted(c))).toArray(Column[]::new);
        Column[] sort = order.stream().map(c -> descending ? functions.col(SelectColumns.quoted(c)).desc_nulls_last()
                : functions.col(SelectColumns.quoted(c)).asc_nulls_last()).toArray(Column[]::new);
        return Window.partitionBy(keys).orderBy(sort);
    }

    private static Column running(String function, String column, WindowSpec window) {
        if (column == null) {
            throw new IllegalArgumentException("Param 'value': choose the column to sum or average");
        }
        // Up to the current row itself, not to its last tie as SQL's default frame would.
        WindowSpec upToHere = window.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column value = functions.col(SelectColumns.quoted(column));
        return "runningSum".equals(function) ? functions.sum(value).over(upToHere) : functions.avg(value).over(upToHere);
    }
}
