package io.easel.components.builtin.features;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
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
import org.apache.spark.ml.feature.VectorIndexer;
import org.apache.spark.ml.feature.VectorIndexerModel;

/**
 * Spark's VectorIndexer: the slots of a vector with few distinct values are taken as categories, their values
 * replaced by category indices and marked categorical, so tree learners split on them as categories.
 *
 * <p>JPMML-SparkML's form of the fitted model is not exact: it leaves a missing value in a categorical slot missing
 * where Spark gives it the extra "unseen" index, and refuses a value never seen where Spark indexes it (shown by
 * VectorFeaturesTest). So the step starts a new lineage: a model trained on its output takes records as they come
 * out of it, and says so.
 */
public final class VectorIndex implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> COLUMN = FeatureColumns.vectorColumn(IN);

    public static final Param<Integer> MAX_CATEGORIES = Param.integer("maxCategories",
                    Text.of("Most categories", "最多类别数"))
            .description(Text.of("A slot with at most this many distinct values is categorical; the others stay "
                            + "numbers.", "不同取值数不超过此数的分量视为类别，其余仍为数值。"))
            .defaultValue(20)
            .range(2, 10_000)
            .required();

    public static final Param<String> OUTPUT = FeatureColumns.outputColumn(IN, "indexed");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the indexed vector",
                    "含编号向量的数据"), FeatureColumns.withVector(IN, OUTPUT));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("vector-index")
            .category(Category.FEATURE_ENGINEERING)
            .title("Vector indexer", "向量类别编号")
            .description("Finds the slots of a vector column with few distinct values, replaces their values by "
                            + "category indices and marks them categorical, so tree learners split on them as "
                            + "categories. A model trained on the result takes records as they come out of this step.",
                    "找出向量列中取值较少的分量，将其值替换为类别编号并标记为类别特征，使树模型按类别划分。基于结果训练的模型"
                            + "以本步骤输出的记录为输入。")
            .keywords("vector indexer", "categorical", "index", "vector", "向量索引", "类别", "编号")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMN, MAX_CATEGORIES, OUTPUT)
            .examples(Example.of("diabetes' measurements, sex taken as a category", "diabetes 的指标，性别作为类别",
                            Map.of("column", "features", "maxCategories", 4))
                    .input(IN, Example.Upstream.of("vector-assemble", Map.of("columns", List.of("age", "sex", "bmi",
                                    "bp")), "out")
                            .from("in", ExampleData.dataset("diabetes"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String output = ctx.param(OUTPUT);
        VectorIndexerModel indexer = new VectorIndexer().setInputCol(ctx.param(COLUMN)).setOutputCol(output)
                .setMaxCategories(ctx.param(MAX_CATEGORIES)).setHandleInvalid("keep").fit(in.rows());
        ctx.output(OUT, NewLineage.of(this, ctx, indexer.transform(in.rows()), in));
    }
}
