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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * One row per group of the key columns: the keys, one function of each chosen value column (named as the column) and
 * the group's row count ({@value #ROWS}). No PMML form: the output starts a new lineage.
 */
public final class GroupByAggregate implements SparkComponent {

    static final String ROWS = "rows";

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> GROUPS = Param.columns("groupBy", Text.of("Group by", "分组列"), IN)
            .description(Text.of("Rows with the same values here form a group; empty: the whole table is one "
                            + "group.",
                    "这些列取值相同的行构成一组；留空则整张表为一组。"));

    public static final Param<List<String>> VALUES = Param.columns("values", Text.of("Values", "值列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE)
            .description(Text.of("The numeric columns to aggregate; each keeps its name.",
                    "要聚合的数值列；聚合结果沿用原列名。"))
            .excluding(GROUPS);

    public static final Param<String> FUNCTION = Aggregation.param();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Groups", "分组结果"),
            SchemaRule.sameAs(IN.name())
                    .retype(ColumnOp.Cols.param(VALUES), ColumnOp.Type.byChoice(FUNCTION, Aggregation.TYPES))
                    .keep(ColumnOp.Cols.params(GROUPS, VALUES))
                    .add(ColumnOp.Name.of(ROWS), ColumnOp.Type.of(DataType.LONG)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("group-by")
            .category(Category.PREPROCESSING)
            .title("Group and aggregate", "分组聚合")
            .description("One row per group: the sum, mean, minimum, maximum or count of the chosen columns, and the "
                            + "number of rows in the group.",
                    "每组输出一行：所选列的和、平均值、最小值、最大值或计数，以及该组的行数。")
            .keywords("group by", "aggregate", "summarize", "sum", "mean", "count", "分组", "聚合", "汇总", "求和")
            .inputs(IN)
            .outputs(OUT)
            .params(GROUPS, VALUES, FUNCTION)
            .examples(Example.of("Mean credit amount and duration per purpose", "按用途计算平均贷款金额与期限",
                            Map.of("groupBy", List.of("purpose"), "values", List.of("credit_amount", "duration"),
                                    "function", "mean"))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        List<String> groups = ctx.param(GROUPS) == null ? List.of() : ctx.param(GROUPS);
        List<String> values = ctx.param(VALUES) == null ? List.of() : ctx.param(VALUES);
        if (groups.contains(ROWS) || values.contains(ROWS)) {
            throw new IllegalArgumentException("Column '" + ROWS + "' would clash with the row count this step adds; "
                    + "rename it first");
        }
        List<Column> aggregates = new ArrayList<>();
        for (String value : values) {
            aggregates.add(Aggregation.of(ctx.param(FUNCTION), value).as(value));
        }
        aggregates.add(functions.count(functions.lit(1)).as(ROWS));
        Column[] keys = groups.stream().map(g -> functions.col(SelectColumns.quoted(g))).toArray(Column[]::new);
        ctx.output(OUT, NewLineage.of(this, ctx, in.rows().groupBy(keys)
                .agg(aggregates.getFirst(), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)), in));
    }
}
