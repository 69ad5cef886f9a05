package io.easel.components.builtin.preparation;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
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
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Appends a column's value from an earlier (lag) or later (lead) row of the same ordered partition, missing where
 * there is none. It reads other rows, so it has no PMML form: the output starts a new lineage.
 */
public final class LagLead implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> DIRECTION = Param.choice("direction", Text.of("Direction", "方向"),
                    Param.option("lag", Text.of("Lag: from an earlier row", "滞后：取之前的行")),
                    Param.option("lead", Text.of("Lead: from a later row", "超前：取之后的行")))
            .defaultValue("lag")
            .required();

    public static final Param<String> VALUE = Param.column("value", Text.of("Column", "列"), IN)
            .description(Text.of("The column whose value is taken from the other row.", "从其他行取值的列。"))
            .required();

    public static final Param<Integer> OFFSET = Param.integer("offset", Text.of("Rows away", "偏移行数"))
            .description(Text.of("How many rows before (lag) or after (lead).", "向前（滞后）或向后（超前）偏移的行数。"))
            .defaultValue(1)
            .range(1, 10_000)
            .required();

    public static final Param<List<String>> PARTITION = WindowFunction.PARTITION;

    public static final Param<List<String>> ORDER = WindowFunction.ORDER;

    public static final Param<Boolean> DESCENDING = WindowFunction.DESCENDING;

    public static final Param<String> OUTPUT = Param.string("output", Text.of("New column", "新列名"))
            .description(Text.of("The name of the appended column.", "追加列的名称。"))
            .defaultValue("shifted")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the column", "添加列后的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(OUTPUT), ColumnOp.Type.ofColumn(VALUE)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("lag-lead")
            .category(Category.PREPROCESSING)
            .title("Lag / lead", "滞后/超前")
            .description("Appends a column's value from an earlier or later row of the same ordered group, e.g. the "
                            + "previous measurement.",
                    "从同一有序分组中之前或之后的行取某列的值并追加，例如上一次的测量值。")
            .keywords("lag", "lead", "shift", "previous", "next", "window", "滞后", "超前", "偏移", "窗口")
            .inputs(IN)
            .outputs(OUT)
            .params(DIRECTION, VALUE, OFFSET, PARTITION, ORDER, DESCENDING, OUTPUT)
            .examples(Example.of("Next larger sepal length within each species", "每个品种内下一个更长的萼片长度",
                            Map.of("direction", "lead", "value", "sepal_length_cm", "partitionBy",
                                    List.of("species"), "orderBy", List.of("sepal_length_cm"),
                                    "output", "next_sepal_length"))
                    .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        WindowSpec window = WindowFunction.ordered(ctx.param(PARTITION), ctx.param(ORDER), ctx.param(DESCENDING));
        Column value = functions.col(SelectColumns.quoted(ctx.param(VALUE)));
        int offset = ctx.param(OFFSET);
        Column shifted = "lag".equals(ctx.param(DIRECTION)) ? functions.lag(value, offset).over(window)
                : functions.lead(value, offset).over(window);
        ctx.output(OUT, NewLineage.of(this, ctx, in.rows().withColumn(ctx.param(OUTPUT).strip(), shifted), in));
    }
}
