package io.easel.components.builtin.classification;

import static io.easel.components.learn.TreeParams.CACHE_NODE_IDS;
import static io.easel.components.learn.TreeParams.FEATURE_FRACTION;
import static io.easel.components.learn.TreeParams.FEATURE_SUBSET_STRATEGY;
import static io.easel.components.learn.TreeParams.MAX_BINS;
import static io.easel.components.learn.TreeParams.MAX_DEPTH;
import static io.easel.components.learn.TreeParams.MAX_MEMORY_IN_MB;
import static io.easel.components.learn.TreeParams.MIN_INFO_GAIN;
import static io.easel.components.learn.TreeParams.MIN_INSTANCES_PER_NODE;
import static io.easel.components.learn.TreeParams.MIN_WEIGHT_FRACTION_PER_NODE;
import static io.easel.components.learn.SharedParams.SEED;
import static io.easel.components.learn.TreeParams.SUBSAMPLING_RATE;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.learn.Task;
import io.easel.components.learn.TextFeatures;
import io.easel.components.learn.TreeBins;
import io.easel.components.learn.TreeParams;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.GBTClassifier;

/**
 * Gradient-boosted decision trees for two classes (Spark's {@code GBTClassifier}, which is binary only; more classes
 * go through {@link OneVsRestClassifier}). Text features are indexed as categories the trees split on (unseen values
 * get a category of their own). Every stage converts to PMML.
 */
public final class GbdtClassifier extends SupervisedLearner {

    public static final Param<Integer> MAX_ITER = Param.integer("maxIter", Text.of("Number of trees", "树的数量"))
            .description(Text.of("Boosting iterations, one tree each.", "提升迭代次数，每次迭代生成一棵树。"))
            .defaultValue(20)
            .range(1, null);

    public static final Param<Double> STEP_SIZE = Param.decimal("stepSize", Text.of("Learning rate", "学习率"))
            .description(Text.of("How much each tree contributes (shrinkage).", "每棵树的贡献权重（收缩系数）。"))
            .defaultValue(0.1)
            .range(0, true, 1, false);

    /** Spark's params, in form order. */
    private static final List<Param<?>> PARAMS = List.of(MAX_ITER, MAX_DEPTH, STEP_SIZE, SUBSAMPLING_RATE,
        FEATURE_SUBSET_STRATEGY, FEATURE_FRACTION, MAX_BINS, MIN_INSTANCES_PER_NODE, MIN_WEIGHT_FRACTION_PER_NODE, MIN_INFO_GAIN, SEED,
        MAX_MEMORY_IN_MB, CACHE_NODE_IDS);

    public GbdtClassifier() {
        super(classifier("gbdt-classifier")
                .title("GBDT binary classifier", "GBDT 二分类")
                .description("Trains gradient-boosted decision trees to tell two classes apart. Applying the model "
                                + "adds the predicted label, the class probabilities and a score, the probability of "
                                + "the positive class. For three or more classes use one-vs-rest with GBDT as its "
                                + "classifier.",
                        "训练梯度提升决策树（GBDT）区分两个类别。应用模型会追加预测标签、各类别概率以及得分（正类概率）。"
                                + "三个及以上类别请使用一对多（one-vs-rest）组件并选择 GBDT 作为其分类器。")
                .keywords("gbdt", "gbt", "gradient boosting", "boosted trees", "xgboost", "binary", "classification",
                        "梯度提升", "决策树", "二分类", "分类")
                .tasks(Task.BINARY)
                .weighted()
                .textFeatures(TextFeatures.INDEXED)
                .params(PARAMS)
                .checkBeforeFit(TreeBins.atLeastCategories(MAX_BINS))
                .estimator(p -> TreeParams.configure(
                        new GBTClassifier(), p, PARAMS))
                .facts((GBTClassificationModel m) -> Map.of("trees", m.getNumTrees(), "nodes", m.totalNumNodes())));
    }
}
