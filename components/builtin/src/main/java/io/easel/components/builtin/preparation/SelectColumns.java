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
import io.easel.components.transform.RenameColumns;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Keeps the chosen columns in the order chosen, renaming some. Dropping and reordering change no record's values, so
 * the lineage carries over; a rename is recorded as a {@link RenameColumns} step so that a model trained downstream,
 * reading the new name, still takes raw records in PMML.
 */
public final class SelectColumns implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN)
            .description(Text.of("The columns to keep, in the order they should come out.",
                    "要保留的列，按输出顺序排列。"))
            .required();

    public static final Param<String> RENAMES = Param.string("renames", Text.of("Renames", "重命名"))
            .description(Text.of("Optional new names as old=new pairs separated by commas, e.g. "
                            + "'class=label, age=years'.",
                    "可选的新列名，格式为 旧名=新名，用逗号分隔，例如“class=label, age=years”。"))
            .defaultValue("");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Selected columns", "所选列"),
            SchemaRule.sameAs(IN.name()).keep(ColumnOp.Cols.param(COLUMNS)).renameEach(RENAMES));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("select-columns")
            .category(Category.PREPROCESSING)
            .title("Select columns", "选择列")
            .description("Keeps the chosen columns in the chosen order and can rename them. Exported models repeat "
                            + "the renames on raw records.",
                    "按所选顺序保留所选列，并可重命名。导出的模型会对原始记录执行同样的重命名。")
            .keywords("select", "columns", "reorder", "rename", "project", "keep", "选择", "列", "重命名", "排序")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, RENAMES)
            .examples(Example.of("Iris petals and the species as 'label'", "鸢尾花的花瓣列，品种列改名为 label",
                            Map.of("columns", List.of("species", "petal_length_cm", "petal_width_cm"),
                                    "renames", "species=label"))
                    .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        List<String> columns = ctx.param(COLUMNS);
        Map<String, String> renames = renames(ctx.param(RENAMES), columns, Arrays.asList(in.rows().columns()));
        Column[] selected = columns.stream()
                .map(c -> functions.col(quoted(c)).as(renames.getOrDefault(c, c)))
                .toArray(Column[]::new);
        TableData kept = in.withRows(in.rows().select(selected));
        if (renames.isEmpty()) {
            ctx.output(OUT, kept);
            return;
        }
        // For PMML only: the new names are recorded beside the old ones, which nothing downstream reads.
        RenameColumns rename = new RenameColumns().setInputCols(List.copyOf(renames.keySet()))
                .setOutputCols(List.copyOf(renames.values()));
        ctx.output(OUT, new TableData(kept.rows(), in.lineage().then(rename)));
    }

    private static Map<String, String> renames(String text, List<String> selected, List<String> existing) {
        Map<String, String> renames;
        try {
            renames = ColumnOp.RenameEach.renames(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Param 'renames': " + e.getMessage()
                    + "; write old=new pairs separated by commas");
        }
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            if (!selected.contains(rename.getKey())) {
                throw new IllegalArgumentException("Param 'renames': '" + rename.getKey()
                        + "' is not among the selected columns " + selected);
            }
            if (existing.contains(rename.getValue())) {
                throw new IllegalArgumentException("Param 'renames': the input already has a column '"
                        + rename.getValue() + "'; choose another name");
            }
        }
        if (renames.values().stream().distinct().count() < renames.size()) {
            throw new IllegalArgumentException("Param 'renames': two columns get the same new name");
        }
        return renames;
    }

    static String quoted(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
