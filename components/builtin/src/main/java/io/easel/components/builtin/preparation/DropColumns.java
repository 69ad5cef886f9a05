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

/** Removes the chosen columns. No record's remaining values change, so the lineage carries over. */
public final class DropColumns implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns to drop", "要删除的列"),
                    IN)
            .description(Text.of("The columns to remove; all others are kept in their order.",
                    "要删除的列；其余列按原顺序保留。"))
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Remaining columns", "剩余列"),
            SchemaRule.sameAs(IN.name()).drop(ColumnOp.Cols.param(COLUMNS)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("drop-columns")
            .category(Category.PREPROCESSING)
            .title("Drop columns", "删除列")
            .description("Removes the chosen columns and keeps all others in their order.",
                    "删除所选列，其余列按原顺序保留。")
            .keywords("drop", "remove", "delete", "columns", "exclude", "删除", "列", "移除")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS)
            .examples(Example.of("credit_g without personal columns", "去掉 credit_g 的个人信息列",
                            Map.of("columns", List.of("personal_status", "foreign_worker", "own_telephone")))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        ctx.output(OUT, in.withRows(in.rows().drop(ctx.param(COLUMNS).toArray(String[]::new))));
    }
}
