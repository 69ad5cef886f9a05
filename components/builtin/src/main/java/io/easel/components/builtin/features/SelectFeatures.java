package io.easel.components.builtin.features;

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
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VarianceThresholdSelector;
import org.apache.spark.ml.feature.VectorSlicer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.ANOVATest;
import org.apache.spark.ml.stat.ChiSquareTest;
import org.apache.spark.ml.stat.FValueTest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Spark's VarianceThresholdSelector and UnivariateFeatureSelector (chi-square, ANOVA F, F-regression; the older
 * ChiSqSelector's test) in one component, as PAI's and Azure's "filter based feature selection" are. The univariate
 * methods rank slots by Spark's test statistics (see {@link #scores}); the choice is applied as a
 * {@link VectorSlicer} of the kept slots, which JPMML-SparkML converts (the selectors' own models it does not).
 */
public final class SelectFeatures implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> COLUMN = Param.column("column", Text.of("Vector column", "向量列"), IN,
                    DataType.VECTOR)
            .description(Text.of("The feature vector to select slots from (see Assemble vector).",
                    "要从中选择特征的向量列（见“合并为向量”）。"))
            .required();

    public static final Param<String> METHOD = Param.choice("method", Text.of("Method", "方法"),
                    Param.option("variance", Text.of("Variance above a threshold (no label)", "方差高于阈值（无需标签）")),
                    Param.option("chi-square", Text.of("Chi-square: category features, class label",
                            "卡方检验：类别特征，分类标签")),
                    Param.option("anova", Text.of("ANOVA F: numeric features, class label",
                            "方差分析 F 检验：数值特征，分类标签")),
                    Param.option("f-regression", Text.of("F-regression: numeric features, numeric label",
                            "F 回归：数值特征，数值标签")))
            .defaultValue("anova")
            .required();

    public static final Param<String> LABEL = Param.column("labelColumn", Text.of("Label column", "标签列"), IN,
                    DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.DOUBLE, DataType.BOOLEAN)
            .visibleWhen(METHOD, "chi-square", "anova", "f-regression");

    public static final Param<Integer> KEEP = Param.integer("keep", Text.of("Features to keep", "保留特征数"))
            .description(Text.of("The number of best-scoring slots kept.", "保留得分最高的特征个数。"))
            .defaultValue(10)
            .range(1, 100_000)
            .visibleWhen(METHOD, "chi-square", "anova", "f-regression");

    public static final Param<Double> THRESHOLD = Param.decimal("varianceThreshold",
                    Text.of("Variance threshold", "方差阈值"))
            .description(Text.of("Slots whose variance is at most this are dropped.", "方差不超过此值的特征被删除。"))
            .defaultValue(0.0)
            .range(0, null)
            .visibleWhen(METHOD, "variance");

    public static final Param<String> OUTPUT = Param.string("outputColumn", Text.of("Output column", "输出列名"))
            .defaultValue("selected")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the selection",
                    "含所选特征的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(OUTPUT), ColumnOp.Type.of(DataType.VECTOR)));

    private static final String LABEL_INDEX = "__label_index";

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("select-features")
            .category(Category.FEATURE_ENGINEERING)
            .title("Select features", "特征选择")
            .description("Keeps the slots of a feature vector that matter: those with enough variance, or the best "
                            + "by a chi-square, ANOVA F or F-regression test against the label. Exported models "
                            + "repeat the selection.",
                    "保留特征向量中有用的特征：方差足够大的，或按与标签的卡方、方差分析 F 或 F 回归检验得分最高的。"
                            + "导出的模型同样执行此选择。")
            .keywords("feature selection", "chi-square", "chisq selector", "univariate", "anova", "f-regression",
                    "variance threshold", "特征选择", "卡方", "方差阈值", "方差分析")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMN, METHOD, LABEL, KEEP, THRESHOLD, OUTPUT)
            .examples(Example.of("iris' two measurements that best tell the species apart",
                            "选出最能区分 iris 品种的两个测量值",
                            Map.of("column", "features", "method", "anova", "labelColumn", "species", "keep", 2))
                    .input(IN, Example.Upstream.of("vector-assemble", Map.of("columns", List.of("sepal_length_cm",
                                    "sepal_width_cm", "petal_length_cm", "petal_width_cm")), "out")
                            .from("in", ExampleData.dataset("iris"))))
            .build();

    /**
     * Each slot's test statistic against the label (chi-square, ANOVA F or regression F). Spark's selector ranks by
     * p-value, which underflows to 0 for every strong feature (all of iris' four): ties then go to the first slots.
     */
    private static Vector scores(String method, Dataset<Row> rows, String column, String label) {
        return switch (method) {
            case "f-regression" -> FValueTest.test(rows.withColumn(label, functions.col(label).cast("double")),
                    column, label).first().getAs("fValues");
            case "chi-square" -> ChiSquareTest.test(indexed(rows, label), column, LABEL_INDEX).first()
                    .getAs("statistics");
            default -> ANOVATest.test(indexed(rows, label), column, LABEL_INDEX).first().getAs("fValues");
        };
    }

    private static Dataset<Row> indexed(Dataset<Row> rows, String label) {
        return new StringIndexer().setInputCol(label).setOutputCol(LABEL_INDEX).fit(rows).transform(rows);
    }

    /** The {@code keep} slots of highest score (a NaN score, of a constant slot, last), in slot order. */
    private static int[] best(Vector scores, int keep) {
        return IntStream.range(0, scores.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> Double.isNaN(scores.apply(i))
                        ? Double.NEGATIVE_INFINITY : scores.apply(i)).reversed())
                .limit(keep).mapToInt(Integer::intValue).sorted().toArray();
    }

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String column = ctx.param(COLUMN);
        String method = ctx.param(METHOD);
        Dataset<Row> complete = in.rows().filter(functions.col(column).isNotNull());
        int[] kept;
        if (method.equals("variance")) {
            kept = new VarianceThresholdSelector().setFeaturesCol(column).setVarianceThreshold(ctx.param(THRESHOLD))
                    .fit(complete).selectedFeatures();
        } else {
            String label = ctx.param(LABEL);
            if (label == null) {
                throw new IllegalArgumentException("Label column: choose the label the " + method
                        + " test scores the features against.");
            }
            Dataset<Row> labelled = complete.filter(functions.col(label).isNotNull());
            kept = best(scores(method, labelled, column, label), ctx.param(KEEP));
        }
        if (kept.length == 0) {
            throw new IllegalArgumentException("No feature passes the selection: lower the variance threshold.");
        }
        ctx.output(OUT, in.transform(new VectorSlicer().setInputCol(column).setOutputCol(ctx.param(OUTPUT))
                .setIndices(kept)));
    }
}
