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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Stacks the rows of two tables with the same column names, matched by name; the second's values are converted to
 * the first's types. Unless told to keep them, rows present in both come out once per occurrence (SQL UNION ALL).
 * The rows may come from different sources, so the output starts a new lineage.
 */
public final class UnionTables implements SparkComponent {

    public static final Port FIRST = Port.input("first", PortType.TABLE, Text.of("First table", "第一张表"));
    public static final Port SECOND = Port.input("second", PortType.TABLE, Text.of("Second table", "第二张表"));

    public static final Param<Boolean> DISTINCT = Param.bool("distinct", Text.of("Remove duplicates", "去除重复行"))
            .description(Text.of("Keep each distinct row once (SQL UNION) instead of all rows (UNION ALL).",
                    "每个不同的行只保留一次（SQL UNION），而不是保留所有行（UNION ALL）。"))
            .defaultValue(false);

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("All rows", "合并后的数据"),
            SchemaRule.sameAs(FIRST.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("union")
            .category(Category.PREPROCESSING)
            .title("Union", "合并行")
            .description("Stacks the rows of two tables whose columns have the same names, matched by name.",
                    "将列名相同的两张表按列名对齐，上下合并其数据行。")
            .keywords("union", "append", "concatenate", "stack", "rows", "combine", "合并", "追加", "拼接")
            .inputs(FIRST, SECOND)
            .outputs(OUT)
            .params(DISTINCT)
            .examples(Example.of("Iris train and test parts back together", "鸢尾花训练集与测试集重新合并",
                            Map.of("distinct", false))
                    .input(FIRST, ExampleData.train("iris"))
                    .input(SECOND, ExampleData.test("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData first = ctx.table(FIRST);
        TableData second = ctx.table(SECOND);
        List<String> firstNames = Arrays.asList(first.rows().columns());
        List<String> secondNames = Arrays.asList(second.rows().columns());
        if (!firstNames.containsAll(secondNames) || !secondNames.containsAll(firstNames)) {
            throw new IllegalArgumentException("Input 'second' must have the columns of input 'first': missing "
                    + firstNames.stream().filter(n -> !secondNames.contains(n)).toList() + ", extra "
                    + secondNames.stream().filter(n -> !firstNames.contains(n)).toList()
                    + "; select or rename columns first");
        }
        Column[] aligned = Arrays.stream(first.rows().schema().fields())
                .map(f -> second.rows().col(SelectColumns.quoted(f.name())).cast(f.dataType()).as(f.name()))
                .toArray(Column[]::new);
        Dataset<Row> all = first.rows().union(second.rows().select(aligned));
        ctx.output(OUT, NewLineage.of(this, ctx, ctx.param(DISTINCT) ? all.distinct() : all, first, second));
    }
}
