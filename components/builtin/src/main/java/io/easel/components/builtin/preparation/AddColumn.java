package io.easel.components.builtin.preparation;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.ParamDef;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.builtin.preprocessing.TypeConversion;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.ml.feature.SQLTransformer;

/**
 * Appends a column computed by a Spark SQL expression over each row, cast to a chosen type so its spec is known
 * before the run. It runs as Spark's {@code SQLTransformer} and is recorded in the lineage: JPMML-SparkML converts
 * arithmetic, comparisons, CASE WHEN and common functions, so a model trained downstream computes the column from
 * raw records too (an expression outside that subset fails the model's export, saying so).
 *
 * <p>Known gap: Spark passes a missing value through any function as null, PMML only through arithmetic; a
 * comparison or a function such as {@code ln} of a missing value makes the PMML evaluator refuse the record.
 * Arithmetic of missing values scores as in Spark.
 */
public final class AddColumn implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> NAME = Param.string("name", Text.of("New column", "新列名"))
            .description(Text.of("The name of the column to add; it must be new.", "要添加的列名，不能与现有列重名。"))
            .required();

    public static final Param<String> EXPRESSION = Param.string("expression", Text.of("Expression", "表达式"))
            .description(Text.of("A Spark SQL expression over one row's columns, e.g. 'credit_amount / duration' or "
                            + "\"CASE WHEN age < 25 THEN 'young' ELSE 'adult' END\".",
                    "基于一行各列的 Spark SQL 表达式，例如“credit_amount / duration”或 "
                            + "\"CASE WHEN age < 25 THEN 'young' ELSE 'adult' END\"。"))
            .required();

    public static final Param<String> TYPE = Param.choice("type", Text.of("Type", "类型"),
                    TypeConversion.TYPES.toArray(ParamDef.Choice[]::new))
            .description(Text.of("The new column's type; the expression's value is cast to it.",
                    "新列的类型；表达式的值会被转换为该类型。"))
            .defaultValue("double")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the column", "添加列后的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(NAME), ColumnOp.Type.param(TYPE)));

    private static final Map<DataType, String> SQL_TYPES = Map.of(DataType.DOUBLE, "DOUBLE", DataType.INTEGER, "INT",
            DataType.LONG, "BIGINT", DataType.STRING, "STRING", DataType.BOOLEAN, "BOOLEAN");

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("add-column")
            .category(Category.PREPROCESSING)
            .title("Add column by expression", "表达式新增列")
            .description("Appends a column computed from each row by a Spark SQL expression. Exported models compute "
                            + "it from raw records too.",
                    "用 Spark SQL 表达式由每行计算出一个新列并追加。导出的模型也会由原始记录计算该列。")
            .keywords("derive", "compute", "expression", "formula", "calculated", "column", "派生", "计算", "表达式",
                    "新增列")
            .inputs(IN)
            .outputs(OUT)
            .params(NAME, EXPRESSION, TYPE)
            .examples(Example.of("credit_g: amount per month", "credit_g：每月金额",
                            Map.of("name", "monthly_amount", "expression", "credit_amount / duration",
                                    "type", "double"))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String name = ctx.param(NAME).strip();
        String expression = ctx.param(EXPRESSION);
        if (Arrays.asList(in.rows().columns()).contains(name)) {
            throw new IllegalArgumentException("Param 'name': the input already has a column '" + name
                    + "'; choose a new name");
        }
        SqlText.checkExpression(ctx.spark(), EXPRESSION, expression);
        String type = SQL_TYPES.get(DataType.fromJson(ctx.param(TYPE)));
        SQLTransformer step = new SQLTransformer().setStatement("SELECT *, CAST((" + expression + ") AS " + type
                + ") AS " + SelectColumns.quoted(name) + " FROM __THIS__");
        SqlText.analysed(EXPRESSION, expression, () -> step.transformSchema(in.rows().schema()));
        ctx.output(OUT, in.transform(step));
    }
}
