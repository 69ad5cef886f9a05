package io.easel.components.builtin.classification;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SparkParams;
import io.easel.components.learn.SharedParams;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.learn.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.classification.FMClassificationModel;
import org.apache.spark.ml.classification.FMClassifier;

/**
 * Factorization machines for two classes (Spark's {@code FMClassifier}): a logistic model over the features and
 * every pairwise interaction, each interaction's weight the dot product of two learned factor vectors, so that
 * interactions between rare categories are still learned. JPMML-SparkML does not convert it: no PMML.
 */
public final class FmClassifier extends SupervisedLearner {

    public static final Param<Integer> FACTOR_SIZE = Param.integer("factorSize", Text.of("Factor size", "因子维度"))
            .description(Text.of("Length of each feature's factor vector, which models its pairwise interactions.",
                    "每个特征的因子向量长度，用于刻画特征两两之间的交互。"))
            .defaultValue(8)
            .range(1, null);

    public static final Param<Boolean> FIT_LINEAR = Param.bool("fitLinear", Text.of("Fit linear terms", "拟合线性项"))
            .description(Text.of("Learn a weight per feature besides the interactions.", "除交互项外，再为每个特征学习一个权重。"))
            .defaultValue(true)
            .advanced();

    public static final Param<Double> MINI_BATCH_FRACTION = Param.decimal("miniBatchFraction",
                    Text.of("Mini-batch fraction", "小批量比例"))
            .description(Text.of("Share of rows each iteration looks at.", "每次迭代使用的行比例。"))
            .defaultValue(1.0)
            .range(0, true, 1, false)
            .advanced();

    public static final Param<Double> INIT_STD = Param.decimal("initStd",
                    Text.of("Initial factor spread", "因子初始标准差"))
            .description(Text.of("Standard deviation of the random initial factors.", "随机初始化因子时的标准差。"))
            .defaultValue(0.01)
            .range(0, null)
            .advanced();

    public static final Param<Double> STEP_SIZE = Param.decimal("stepSize", Text.of("Step size", "步长"))
            .description(Text.of("Learning rate of the optimiser.", "优化器的学习率。"))
            .defaultValue(1.0)
            .range(0, true, null, false)
            .advanced();

    public static final Param<String> SOLVER = Param.choice("solver", Text.of("Solver", "优化算法"),
                    Param.option("adamW", Text.of("AdamW", "AdamW 自适应优化")),
                    Param.option("gd", Text.of("Mini-batch gradient descent", "小批量梯度下降")))
            .defaultValue("adamW")
            .advanced();

    /** Spark's params, in form order. */
    private static final Param<?>[] PARAMS = {FACTOR_SIZE, SharedParams.REG_PARAM, SharedParams.MAX_ITER,
        SharedParams.FIT_INTERCEPT, FIT_LINEAR, STEP_SIZE, MINI_BATCH_FRACTION, INIT_STD, SharedParams.TOL, SOLVER,
        SharedParams.SEED};

    public FmClassifier() {
        super(classifier("fm-classifier")
                .title("Factorization machine classifier", "因子分解机分类")
                .description("A logistic model over the features and all their pairwise interactions, learned "
                                + "through small factor vectors; suits sparse data with many categories (clicks, "
                                + "recommendations). Two classes. Applying the model adds the predicted label, the "
                                + "class probabilities and a score. Its model cannot be exported to PMML.",
                        "基于特征及其两两交互的逻辑模型，交互通过低维因子向量学习；适合类别众多的稀疏数据（点击、推荐）。"
                                + "用于两个类别。应用模型会追加预测标签、各类别概率以及得分。该模型不能导出为 PMML。")
                .keywords("factorization machine", "fm", "interactions", "ctr", "sparse", "binary", "classification",
                        "因子分解机", "特征交互", "点击率", "二分类", "分类")
                .tasks(Task.BINARY)
                .withoutPmml()
                .params(PARAMS)
                .estimator(p -> SparkParams.set(new FMClassifier(), p, PARAMS))
                .facts((FMClassificationModel m) -> facts(m)));
    }

    private static Map<String, Object> facts(FMClassificationModel model) {
        Map<String, Object> facts = new LinkedHashMap<>(OptimizerFacts.of(model.summary()));
        facts.put("intercept", model.intercept());
        return facts;
    }
}
