package io.easel.components.builtin.preparation;

import io.easel.component.Category;
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
import org.apache.spark.sql.functions;

/**
 * Turns the values of one column into columns: one row per group, one column per value, holding a function of
 * another column. Which columns come out depends on the data, so the spec is known only after the run; the distinct
 * values (at most {@value #MAX_VALUES}) are collected to the driver to name them. No PMML form: a new lineage.
 */
public final class PivotTable implements SparkComponent {

    static final int MAX_VALUES = 200;

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> GROUPS = Param.columns("groupBy", Text.of("Rows", "行分组列"), IN)
            .description(Text.of("One output row per distinct combination of these columns.",
                    "这些列的每种取值组合输出一行。"))
            .required();

    public static final Param<String> PIVOT = Param.column("pivot", Text.of("Columns from", "展开列"), IN,
                    DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.BOOLEAN)
            .description(Text.of("Each distinct value of this column becomes an output column (at most "
                            + MAX_VALUES + ").",
                    "该列的每个不同取值成为一个输出列（最多 " + MAX_VALUES + " 个）。"))
            .excluding(GROUPS)
            .required();

    public static final Param<String> VALUE = Param.column("value", Text.of("Values", "值列"), IN, DataType.INTEGER,
                    DataType.LONG, DataType.DOUBLE)
            .description(Text.of("The numeric column aggregated into each cell.", "聚合到每个单元格的数值列。"))
            .required();

    public static final Param<String> FUNCTION = Aggregation.param();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Pivot table", "透视表"),
            SchemaRule.unknownTable());

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("pivot")
            .category(Category.PREPROCESSING)
            .title("Pivot", "透视表")
            .description("Turns the values of one column into columns, aggregating another column per group, e.g. the "
                            + "mean credit amount per purpose (rows) and housing (columns).",
                    "将某列的取值展开为多列，并按组聚合另一列，例如按用途（行）和住房情况（列）计算平均贷款金额。")
            .keywords("pivot", "crosstab", "reshape", "wide", "spread", "透视", "交叉表", "行转列")
            .inputs(IN)
            .outputs(OUT)
            .params(GROUPS, PIVOT, VALUE, FUNCTION)
            .examples(Example.of("Mean credit amount by purpose and housing", "按用途与住房情况的平均贷款金额",
                            Map.of("groupBy", List.of("purpose"), "pivot", "housing", "value", "credit_amount",
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
        String pivot = ctx.param(PIVOT);
        List<Object> values = in.rows().select(functions.col(SelectColumns.quoted(pivot))).distinct()
                .limit(MAX_VALUES + 1).collectAsList().stream().map(r -> r.get(0)).toList();
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("Param 'pivot': column '" + pivot + "' has more than " + MAX_VALUES
                    + " distinct values; pivot a column with fewer, or group by it instead");
        }
        List<Object> sorted = values.stream().filter(v -> v != null)
                .sorted((a, b) -> String.valueOf(a).compareTo(String.valueOf(b))).toList();
        Column[] keys = ctx.param(GROUPS).stream().map(g -> functions.col(SelectColumns.quoted(g)))
                .toArray(Column[]::new);
        ctx.output(OUT, NewLineage.of(this, ctx, in.rows().groupBy(keys)
                .pivot(functions.col(SelectColumns.quoted(pivot)), sorted)
                .agg(Aggregation.of(ctx.param(FUNCTION), ctx.param(VALUE))), in));
    }
}
