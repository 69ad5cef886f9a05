package io.easel.components.builtin.preprocessing;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.Example;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.ParamDef;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.components.transform.ColumnTypeCast;
import java.util.List;
import java.util.Map;

/**
 * Converts chosen columns to one type, in place. The conversion is recorded in the table's lineage, so a model
 * trained downstream and exported to PMML converts raw records the same way.
 */
public final class TypeConversion implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.DOUBLE, DataType.BOOLEAN)
            .description(Text.of("The columns to convert.", "要转换类型的列。"))
            .required();

    /** The types a column can be converted to, as choices whose values are type names. */
    public static final List<ParamDef.Choice> TYPES = List.of(
            Param.option("double", Text.of("Decimal number (double)", "小数（double）")),
            Param.option("integer", Text.of("Whole number (integer)", "整数（integer）")),
            Param.option("long", Text.of("Long whole number (long)", "长整数（long）")),
            Param.option("string", Text.of("Text (string)", "文本（string）")),
            Param.option("boolean", Text.of("True/false (boolean)", "布尔（boolean）")));

    public static final Param<String> TARGET_TYPE = Param.choice("targetType", Text.of("Convert to", "目标类型"),
                    TYPES.toArray(ParamDef.Choice[]::new))
            .description(Text.of("Values that do not convert become missing. Decimals are truncated to whole "
                            + "numbers; text converts to boolean from true/false, yes/no, y/n, t/f, 1/0.",
                    "无法转换的值变为缺失值。小数转整数时截断小数部分；文本转布尔值时识别 true/false、yes/no、y/n、t/f、1/0。"))
            .defaultValue("double")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Converted data", "转换后的数据"),
            SchemaRule.sameAs(IN.name())
                    .retype(ColumnOp.Cols.param(COLUMNS), ColumnOp.Type.param(TARGET_TYPE)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("type-conversion")
            .category(Category.PREPROCESSING)
            .title("Type conversion", "类型转换")
            .description("Converts the chosen columns to a number, text or boolean type, keeping their names and "
                            + "positions. Exported models repeat the conversion on raw records.",
                    "将所选列转换为数值、文本或布尔类型，列名与位置不变。导出的模型会对原始记录执行同样的转换。")
            .keywords("cast", "convert", "type", "double", "integer", "string", "转换", "类型", "数据类型")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, TARGET_TYPE)
            .examples(Example.of("credit_g's whole numbers as decimals", "将 credit_g 的整数列转为小数",
                            Map.of("columns", List.of("duration", "credit_amount", "age"), "targetType", "double"))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        List<String> columns = ctx.param(COLUMNS);
        DataType target = DataType.fromJson(ctx.param(TARGET_TYPE));
        ctx.output(OUT, in.transform(new ColumnTypeCast().setInputCols(columns).setTargetType(target)));
    }
}
