package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.components.transform.CategoryValues;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * Spark's StringIndexer: each text column becomes a number, the index of its category in frequency or alphabetical
 * order, with Spark's three ways of treating a value not seen when fitting (a missing one included): fail, keep it as
 * one extra index, or skip the row. The index columns record their categories, so {@link IndexToString} turns them
 * back into text.
 *
 * <p>Applied as a {@link CategoryValues} step rather than Spark's StringIndexerModel, whose PMML form a linear model
 * downstream cannot read and which leaves a missing value missing where Spark indexes it. An exported model cannot
 * fail or skip a record: whatever the choice here, it gives a value it has not seen the extra index.
 */
public final class StringIndex implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    DataType.STRING)
            .description(Text.of("The text columns to index.", "要编号的文本列。"))
            .required();

    public static final Param<String> ORDER = Param.choice("order", Text.of("Order", "编号顺序"),
                    Param.option("frequencyDesc", Text.of("Most frequent first", "出现次数从多到少")),
                    Param.option("frequencyAsc", Text.of("Least frequent first", "出现次数从少到多")),
                    Param.option("alphabetAsc", Text.of("Alphabetical", "字母顺序")),
                    Param.option("alphabetDesc", Text.of("Reverse alphabetical", "字母逆序")))
            .description(Text.of("Which category gets index 0, 1, 2 … Equal frequencies are ordered alphabetically.",
                    "哪个类别编号为 0、1、2……出现次数相同时按字母顺序。"))
            .defaultValue("frequencyDesc")
            .required();

    public static final Param<String> UNSEEN = Param.choice("handleInvalid",
                    Text.of("Unseen and missing values", "未见过的值与缺失值"),
                    Param.option("keep", Text.of("Keep: one extra index after the categories",
                            "保留：编号为所有类别之后的一个额外编号")),
                    Param.option("error", Text.of("Fail", "报错")),
                    Param.option("skip", Text.of("Skip the row", "跳过该行")))
            .description(Text.of("What a value the categories were not fitted on becomes, a missing value included. "
                            + "Skipped rows are not in the output. An exported model gives such a value the extra "
                            + "index whatever the choice, as it cannot fail or skip a record.",
                    "未参与拟合的值（包括缺失值）如何处理。被跳过的行不出现在输出中。导出的模型无论如何选择都会给这类值"
                            + "额外编号，因为它无法报错或跳过记录。"))
            .defaultValue("keep")
            .required();

    /** Never blank: Spark's indexer writes new columns, never in place. */
    public static final Param<String> SUFFIX = FeatureColumns.newColumnSuffix("_index");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Indexed data", "编号后的数据"),
            FeatureColumns.output(IN, COLUMNS));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("string-index")
            .category(Category.FEATURE_ENGINEERING)
            .title("String indexer", "字符串编号")
            .description("Turns each text column into category numbers 0, 1, 2 … by frequency or alphabetical order. "
                            + "Values not seen when fitting, and missing values, get one extra number, fail the run "
                            + "or drop the row. Index to string turns the numbers back. Exported models repeat the "
                            + "indexing on raw records.",
                    "将每个文本列按出现频率或字母顺序转为类别编号 0、1、2……拟合时未见过的值和缺失值可编为一个额外编号、"
                            + "报错或丢弃该行。“编号转字符串”可将编号转回文本。导出的模型对原始记录执行同样的编号。")
            .keywords("string indexer", "label encoder", "index", "categorical", "encode", "字符串索引", "编号",
                    "标签编码", "类别")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, ORDER, UNSEEN, SUFFIX)
            .examples(Example.of("Index credit_g's purpose and housing, most frequent first",
                            "按出现频率为 credit_g 的用途和住房编号",
                            Map.of("columns", List.of("purpose", "housing")))
                            .input(IN, ExampleData.dataset("credit_g")),
                    Example.of("Index iris' species alphabetically", "按字母顺序为 iris 的品种编号",
                            Map.of("columns", List.of("species"), "order", "alphabetAsc"))
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
        String unseen = ctx.param(UNSEEN);
        if (unseen.equals("error")) {
            for (String column : columns) {
                if (!in.rows().filter(col(column).isNull()).isEmpty()) {
                    throw new IllegalArgumentException("Column '" + column + "' has missing values, which fail the "
                            + "run when unseen values do: fill them first, or keep or skip them.");
                }
            }
        }
        List<List<String>> categories = columns.stream()
                .map(column -> FeatureColumns.categories(in, column, Integer.MAX_VALUE, order(ctx.param(ORDER))))
                .toList();
        List<String> outputs = FeatureColumns.outputs(columns, ctx.param(SUFFIX));
        TableData indexed = in.transform(new CategoryValues().setInputCols(columns).setOutputCols(outputs)
                .setIndices(categories));
        if (unseen.equals("skip")) {
            Column seen = lit(true);
            for (int i = 0; i < columns.size(); i++) {
                seen = seen.and(col(outputs.get(i)).lt(categories.get(i).size()));
            }
            indexed = indexed.withRows(indexed.rows().filter(seen));
        }
        ctx.output(OUT, indexed);
    }

    /** Spark's StringIndexer orders: equal frequencies alphabetically. */
    private static Column[] order(String order) {
        return switch (order) {
            case "frequencyDesc" -> new Column[] {col("count").desc(), col("value")};
            case "frequencyAsc" -> new Column[] {col("count"), col("value")};
            case "alphabetDesc" -> new Column[] {col("value").desc()};
            default -> new Column[] {col("value")};
        };
    }
}
