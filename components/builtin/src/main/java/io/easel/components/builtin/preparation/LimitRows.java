package io.easel.components.builtin.preparation;

import io.easel.component.Category;
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

/**
 * Keeps the first n rows: the top of a sorted table (its order kept), or any n rows of an unordered one. Row-level:
 * the lineage carries over.
 */
public final class LimitRows implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<Integer> ROWS = Param.integer("rows", Text.of("Rows", "行数"))
            .description(Text.of("How many rows to keep. On a sorted table these are the first ones; otherwise any.",
                    "保留的行数。对已排序的表取前若干行，否则取任意若干行。"))
            .defaultValue(100)
            .range(0, Integer.MAX_VALUE)
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("First rows", "前若干行"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("limit-rows")
            .category(Category.PREPROCESSING)
            .title("Limit rows", "限制行数")
            .description("Keeps the first n rows, e.g. the top 10 after a sort.",
                    "保留前 n 行，例如排序后的前 10 行。")
            .keywords("limit", "top", "head", "first", "rows", "前几行", "限制", "取前")
            .inputs(IN)
            .outputs(OUT)
            .params(ROWS)
            .examples(Example.of("The 10 largest credits", "金额最大的 10 笔贷款", Map.of("rows", 10))
                    .input(IN, Example.Upstream.of("sort-rows",
                            Map.of("columns", List.of("credit_amount"), "descending", true), "out")
                            .from("in", ExampleData.dataset("credit_g"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        ctx.output(OUT, new TableData(in.rows().limit(ctx.param(ROWS)), in.lineage(), in.order()));
    }
}
