package io.easel.components.builtin.classification;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.learn.Task;
import io.easel.components.learn.TextFeatures;
import io.easel.components.learn.TreeBins;
import java.util.Map;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.GBTClassifier;

/**
 * Gradient-boosted decision trees for two classes (Spark's {@code GBTClassifier}). Text features are indexed as
 * categories the trees split on (unseen values get a category of their own). Every stage converts to PMML.
 */
public final class GbdtClassifier extends SupervisedLearner {

    public static final Param<Integer> MAX_ITER = Param.integer("maxIter", Text.of("Number of trees", "树的数量"))
            .description(Text.of("Boosting iterations, one tree each.", "提升迭代次数，每次迭代生成一棵树。"))
            .defaultValue(20)
            .range(1, 1000);

    public static final Param<Integer> MAX_DEPTH = Param.integer("maxDepth", Text.of("Maximum tree depth",
                    "树的最大深度"))
            .defaultValue(5)
            .range(1, 30);

    public static final Param<Double> STEP_SIZE = Param.decimal("stepSize", Text.of("Learning rate", "学习率"))
            .description(Text.of("How much each tree contributes (shrinkage).", "每棵树的贡献权重（收缩系数）。"))
            .defaultValue(0.1)
            .range(0, true, 1, false);

    public static final Param<Double> SUBSAMPLING_RATE = Param.decimal("subsamplingRate",
                    Text.of("Subsampling rate", "子采样比例"))
            .description(Text.of("Share of rows each tree is trained on.", "每棵树训练时使用的行比例。"))
            .defaultValue(1.0)
            .range(0, true, 1, false)
            .advanced();

    public static final Param<Integer> MAX_BINS = Param.integer("maxBins", Text.of("Maximum bins", "最大分箱数"))
            .description(Text.of("Bins for splitting numeric features; must exceed the number of values of every "
                            + "text feature.",
                    "数值特征切分时的分箱数；必须大于每个文本特征的取值个数。"))
            .defaultValue(32)
            .range(2, 10000)
            .advanced();

    public static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"))
            .defaultValue(42)
            .advanced();

    public GbdtClassifier() {
        super(classifier("gbdt-classifier")
                .title("GBDT binary classifier", "GBDT 二分类")
                .description("Trains gradient-boosted decision trees to tell two classes apart. Applying the model "
                                + "adds the predicted label, the class probabilities and a score, the probability of "
                                + "the positive class.",
                        "训练梯度提升决策树（GBDT）区分两个类别。应用模型会追加预测标签、各类别概率以及得分（正类概率）。")
                .keywords("gbdt", "gbt", "gradient boosting", "boosted trees", "xgboost", "binary", "classification",
                        "梯度提升", "决策树", "二分类", "分类")
                .tasks(Task.BINARY)
                .weighted()
                .textFeatures(TextFeatures.INDEXED)
                .params(MAX_ITER, MAX_DEPTH, STEP_SIZE, SUBSAMPLING_RATE, MAX_BINS, SEED)
                .checkBeforeFit(TreeBins.atLeastCategories(MAX_BINS))
                .estimator(p -> new GBTClassifier()
                        .setMaxIter(p.get(MAX_ITER))
                        .setMaxDepth(p.get(MAX_DEPTH))
                        .setStepSize(p.get(STEP_SIZE))
                        .setSubsamplingRate(p.get(SUBSAMPLING_RATE))
                        .setMaxBins(p.get(MAX_BINS))
                        .setSeed(p.get(SEED)))
                .facts((GBTClassificationModel m) -> Map.of("trees", m.getNumTrees())));
    }
}
