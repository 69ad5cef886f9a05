package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.builtin.preparation.NewLineage;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.components.transform.CategoryValues;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * Spark's IndexToString: category numbers back to their text, with the categories {@link StringIndex} recorded on the
 * column or listed by the user. Unlike Spark's, a number that is no category's (the extra "unseen" index, a missing
 * value) gives a missing text instead of failing the run.
 *
 * <p>JPMML-SparkML's converter for IndexToString does not compute the text from the number (it declares the output
 * a raw input field), so the step starts a new lineage: a model trained on its output takes records as they come out
 * of it, and says so.
 */
public final class IndexToString implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> COLUMN = Param.column("column", Text.of("Index column", "编号列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE)
            .description(Text.of("The column of category numbers 0, 1, 2 …", "类别编号（0、1、2……）所在的列。"))
            .required();

    public static final Param<String> LABELS = Param.string("labels", Text.of("Categories", "类别"))
            .description(Text.of("The text of numbers 0, 1, 2 … in order, separated by commas. Blank: the "
                            + "categories String indexer recorded on the column.",
                    "编号 0、1、2……对应的文本，按顺序用逗号分隔。留空：使用“字符串编号”记录在该列上的类别。"));

    public static final Param<String> OUTPUT = FeatureColumns.outputColumn(IN, "category");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the text", "含文本的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(OUTPUT), ColumnOp.Type.of(DataType.STRING)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("index-to-string")
            .category(Category.FEATURE_ENGINEERING)
            .title("Index to string", "编号转字符串")
            .description("Turns category numbers back into their text, using the categories String indexer recorded "
                            + "or a list you give. A number that is no category's gives a missing value. A model "
                            + "trained on the result takes records as they come out of this step.",
                    "将类别编号转回文本，使用“字符串编号”记录的类别或手动给出的列表。不对应任何类别的编号得到缺失值。"
                            + "基于结果训练的模型以本步骤输出的记录为输入。")
            .keywords("index to string", "decode", "labels", "inverse", "编号转字符串", "解码", "标签")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMN, LABELS, OUTPUT)
            .examples(Example.of("credit_g's purpose indexed, then back to text", "credit_g 的用途编号后再转回文本",
                            Map.of("column", "purpose_index", "outputColumn", "purpose_again"))
                    .input(IN, Example.Upstream.of("string-index", Map.of("columns", List.of("purpose")), "out")
                            .from("in", ExampleData.dataset("credit_g"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String column = ctx.param(COLUMN);
        String output = ctx.param(OUTPUT);
        List<String> labels = labels(in, column, ctx.param(LABELS));
        Column index = col(column).cast("double");
        Column known = index.geq(0).and(index.lt(labels.size())).and(index.equalTo(functions.floor(index)));
        Column text = when(known, functions.element_at(functions.array(labels.stream().map(functions::lit)
                .toArray(Column[]::new)), index.cast("int").plus(1))).otherwise(lit(null).cast("string"));
        ctx.output(OUT, NewLineage.of(this, ctx, in.rows().withColumn(output, text), in));
    }

    private static List<String> labels(TableData in, String column, String listed) {
        if (listed != null && !listed.isBlank()) {
            return Arrays.stream(listed.split(",")).map(String::trim).toList();
        }
        StructField field = in.rows().schema().apply(column);
        if (field.metadata().contains(CategoryValues.CATEGORIES)) {
            return Arrays.asList(field.metadata().getStringArray(CategoryValues.CATEGORIES));
        }
        if (Attribute.fromStructField(field) instanceof NominalAttribute nominal && nominal.values().isDefined()) {
            return Arrays.asList(nominal.values().get());
        }
        throw new IllegalArgumentException("Column '" + column + "' carries no categories (String indexer records "
                + "them): list the categories in order, separated by commas.");
    }
}
