package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.col;

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
import io.easel.components.transform.CategoryFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spark's StringIndexer + OneHotEncoder in one component (PAI's and Azure's one-hot encoding): each text column
 * becomes a vector of 0/1 flags, one per category, most frequent first, named after it. Missing and
 * unseen values (and categories beyond the most frequent {@code maxCategories}) get no flag. Applied as a
 * {@link CategoryFlags} step that exported models replay.
 */
public final class OneHotEncode implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    DataType.STRING)
            .description(Text.of("The text columns to encode.", "要编码的文本列。"))
            .required();

    public static final Param<Integer> MAX_CATEGORIES = Param.integer("maxCategories",
                    Text.of("Most categories per column", "每列最多类别数"))
            .description(Text.of("Only the most frequent categories get a flag; rarer ones are encoded as all zeros, "
                            + "like values never seen.", "仅最常见的类别有标志位；更少见的类别与未见过的值一样编码为全 0。"))
            .defaultValue(100)
            .range(1, 10_000)
            .advanced();

    public static final Param<String> SUFFIX = FeatureColumns.suffix("_onehot");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Encoded data", "编码后的数据"),
            FeatureColumns.output(IN, COLUMNS, DataType.VECTOR));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("one-hot-encode")
            .category(Category.FEATURE_ENGINEERING)
            .title("One-hot encode", "独热编码")
            .description("Turns each text column into a vector of 0/1 flags, one per category (most frequent first), "
                            + "which learners read as features. Missing and unseen values get no flag. Exported "
                            + "models repeat the encoding on raw records.",
                    "将每个文本列转为 0/1 标志向量，每个类别一位（按出现频率排序），供学习器作为特征使用。缺失值和未见过的"
                            + "值没有标志位。导出的模型对原始记录执行同样的编码。")
            .keywords("one-hot", "onehot", "dummy", "encode", "categorical", "string indexer", "独热", "哑变量",
                    "编码", "类别")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, MAX_CATEGORIES, SUFFIX)
            .examples(Example.of("Encode credit_g's purpose and housing", "对 credit_g 的用途和住房编码",
                            Map.of("columns", List.of("purpose", "housing")))
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
        List<List<String>> categories = new ArrayList<>();
        for (String column : columns) {
            categories.add(FeatureColumns.categories(in, column, ctx.param(MAX_CATEGORIES), col("count").desc(),
                    col("value")));
        }
        ctx.output(OUT, in.transform(new CategoryFlags().setInputCols(columns)
                .setOutputCols(FeatureColumns.outputs(columns, ctx.param(SUFFIX))).setCategories(categories)));
    }
}
