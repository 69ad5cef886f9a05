package io.easel.components.builtin.preparation;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
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

/** Drops rows with a missing value (null, or NaN in a decimal column) in the chosen columns. Row-level. */
public final class DropMissing implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN)
            .description(Text.of("The columns to look at; empty: all columns.", "检查的列；留空表示所有列。"))
            .allWhenEmpty();

    public static final Param<String> HOW = Param.choice("how", Text.of("Drop a row when", "删除条件"),
                    Param.option("any", Text.of("Any of them is missing", "任一列缺失")),
                    Param.option("all", Text.of("All of them are missing", "所有列都缺失")))
            .defaultValue("any")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Complete rows", "完整的行"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("drop-missing")
            .category(Category.PREPROCESSING)
            .title("Drop rows with missing values", "删除缺失值行")
            .description("Drops the rows in which any (or all) of the chosen columns is missing.",
                    "删除所选列中任一列（或所有列）缺失的行。")
            .keywords("missing", "null", "na", "drop", "complete cases", "dropna", "缺失值", "删除", "空值")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, HOW)
            .examples(Example.of("Vote records with every vote known", "所有投票均已知的投票记录", Map.of("how", "any"))
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
        ctx.output(OUT, in.withRows(in.rows().na().drop(ctx.param(HOW), columns)));
    }
}
