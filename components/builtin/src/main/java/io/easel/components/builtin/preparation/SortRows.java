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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Sorts rows by one or more columns. The order is part of the result (kept when stored and read back); row-level, so
 * the lineage carries over.
 */
public final class SortRows implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Sort by", "排序列"), IN)
            .description(Text.of("The columns to sort by, most important first.", "排序依据的列，最重要的在前。"))
            .required();

    public static final Param<Boolean> DESCENDING = Param.bool("descending", Text.of("Descending", "降序"))
            .description(Text.of("Largest first instead of smallest first. Missing values come last either way.",
                    "从大到小排序（默认从小到大）。缺失值总在最后。"))
            .defaultValue(false);

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Sorted data", "排序后的数据"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("sort-rows")
            .category(Category.PREPROCESSING)
            .title("Sort rows", "排序")
            .description("Sorts the rows by the chosen columns, ascending or descending.",
                    "按所选列对数据行升序或降序排序。")
            .keywords("sort", "order by", "rank", "ascending", "descending", "排序", "升序", "降序")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, DESCENDING)
            .examples(Example.of("Diabetes by progression, highest first", "糖尿病数据按病情进展降序",
                            Map.of("columns", List.of("progression"), "descending", true))
                    .input(IN, ExampleData.dataset("diabetes")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        boolean descending = ctx.param(DESCENDING);
        Column[] keys = ctx.param(COLUMNS).stream()
                .map(c -> descending ? functions.col(SelectColumns.quoted(c)).desc_nulls_last()
                        : functions.col(SelectColumns.quoted(c)).asc_nulls_last())
                .toArray(Column[]::new);
        ctx.output(OUT, in.inOrder(keys));
    }
}
