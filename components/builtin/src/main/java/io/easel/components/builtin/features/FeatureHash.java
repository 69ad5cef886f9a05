package io.easel.components.builtin.features;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import io.easel.components.builtin.preparation.NewLineage;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.FeatureHasher;

/**
 * Spark's FeatureHasher: numeric, boolean and text columns hashed into a fixed-size vector (a number goes into the
 * slot of its column's name, a category into the slot of {@code column=value}). It needs no fitting and takes any
 * number of categories, but has no exact PMML form (PMML has no MurmurHash3, and a value never seen cannot be
 * listed in advance), so the step starts a new lineage: a model trained on its output takes records as they come out
 * of it, and says so.
 */
public final class FeatureHash implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE, DataType.BOOLEAN, DataType.STRING)
            .description(Text.of("The columns to hash: numbers keep their value, text and booleans are categories.",
                    "要哈希的列：数值保留其值，文本和布尔值作为类别。"))
            .required();

    public static final Param<List<String>> CATEGORICAL = Param.columns("categoricalCols",
                    Text.of("Numeric columns as categories", "按类别处理的数值列"), IN, DataType.INTEGER,
                    DataType.LONG, DataType.DOUBLE)
            .description(Text.of("Numeric columns among the hashed ones whose values are category codes.",
                    "所哈希的列中，取值为类别代码的数值列。"))
            .advanced();

    public static final Param<Integer> FEATURES = Param.integer("numFeatures", Text.of("Vector size", "向量长度"))
            .description(Text.of("The number of slots; more slots, fewer collisions between values.",
                    "向量的分量数；分量越多，不同值落入同一分量的冲突越少。"))
            .defaultValue(1 << 18)
            .range(1, 1 << 30)
            .required();

    public static final Param<String> OUTPUT = FeatureColumns.outputColumn(IN, "hashed");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the hashed vector",
                    "含哈希向量的数据"), FeatureColumns.withVector(IN, OUTPUT));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("feature-hash")
            .category(Category.FEATURE_ENGINEERING)
            .title("Feature hasher", "特征哈希")
            .description("Hashes numeric, boolean and text columns into one fixed-size vector, with no fitting and "
                            + "any number of categories. It has no PMML form: a model trained on the result takes "
                            + "records as they come out of this step.",
                    "将数值、布尔和文本列哈希为一个定长向量，无需拟合，类别数不限。此步骤没有 PMML 形式：基于结果训练的"
                            + "模型以本步骤输出的记录为输入。")
            .keywords("feature hasher", "hashing trick", "hash", "categorical", "特征哈希", "哈希", "类别")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, CATEGORICAL, FEATURES, OUTPUT)
            .examples(Example.of("credit_g's purpose, housing, duration and amount in 64 slots",
                            "将 credit_g 的用途、住房、期限和金额哈希到 64 维",
                            Map.of("columns", List.of("purpose", "housing", "duration", "credit_amount"),
                                    "numFeatures", 64))
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
        List<String> categorical = ctx.param(CATEGORICAL) == null ? List.of() : ctx.param(CATEGORICAL);
        String output = ctx.param(OUTPUT);
        for (String column : categorical) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("Numeric columns as categories: '" + column + "' is not among "
                        + "the columns to hash; add it there or remove it here.");
            }
        }
        FeatureHasher hasher = new FeatureHasher().setInputCols(columns.toArray(String[]::new))
                .setCategoricalCols(categorical.toArray(String[]::new)).setNumFeatures(ctx.param(FEATURES))
                .setOutputCol(output);
        ctx.output(OUT, NewLineage.of(this, ctx, hasher.transform(in.rows()), in));
    }
}
