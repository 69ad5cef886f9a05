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
import io.easel.component.ColumnSpec;
import java.util.List;
import java.util.Map;

/** Keeps one row per distinct value of the chosen columns (all columns: exact duplicates). Row-level. */
public final class Deduplicate implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Compare columns", "比较列"), IN)
            .description(Text.of("Rows agreeing on these columns are duplicates; one of them is kept (which one is "
                            + "not defined). Empty: all columns, so only identical rows are removed.",
                    "在这些列上取值相同的行视为重复，仅保留其中一行（保留哪一行不确定）。留空表示所有列，即只删除完全相同的行。"))
            .allWhenEmpty();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Distinct rows", "去重后的数据"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("deduplicate")
            .category(Category.PREPROCESSING)
            .title("Remove duplicates", "去重")
            .description("Removes duplicate rows, comparing all columns or only the chosen ones.",
                    "删除重复行，可比较所有列或仅比较所选列。")
            .keywords("distinct", "unique", "duplicates", "dedupe", "drop duplicates", "去重", "重复", "唯一")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS)
            .examples(Example.of("One voter record per party and immigration vote", "每个党派与移民投票组合保留一行",
                            Map.of("columns", List.of("Class", "immigration")))
                    .input(IN, ExampleData.dataset("vote")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String[] columns = ctx.columns(COLUMNS).stream().map(ColumnSpec::name).toArray(String[]::new);
        ctx.output(OUT, in.withRows(in.rows().dropDuplicates(columns)));
    }
}
