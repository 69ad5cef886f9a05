package io.easel.components.builtin.classification;

import static io.easel.components.learn.TreeParams.BOOTSTRAP;
import static io.easel.components.learn.TreeParams.CACHE_NODE_IDS;
import static io.easel.components.learn.TreeParams.FEATURE_FRACTION;
import static io.easel.components.learn.TreeParams.FEATURE_SUBSET_STRATEGY;
import static io.easel.components.learn.TreeParams.CLASSIFICATION_IMPURITY;
import static io.easel.components.learn.TreeParams.MAX_BINS;
import static io.easel.components.learn.TreeParams.MAX_DEPTH;
import static io.easel.components.learn.TreeParams.MAX_MEMORY_IN_MB;
import static io.easel.components.learn.TreeParams.MIN_INFO_GAIN;
import static io.easel.components.learn.TreeParams.MIN_INSTANCES_PER_NODE;
import static io.easel.components.learn.TreeParams.MIN_WEIGHT_FRACTION_PER_NODE;
import static io.easel.components.learn.TreeParams.NUM_TREES;
import static io.easel.components.learn.SharedParams.SEED;
import static io.easel.components.learn.TreeParams.SUBSAMPLING_RATE;

import io.easel.component.Param;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.learn.TextFeatures;
import io.easel.components.learn.TreeBins;
import io.easel.components.learn.TreeParams;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.tree.DecisionTreeModel;

/**
 * A random forest for two or more classes (Spark's {@code RandomForestClassifier}): trees on random rows and
 * features that vote by averaging their class probabilities. Text features are indexed as categories. Converts to
 * PMML.
 */
public final class RandomForestClassifier extends SupervisedLearner {

    /** Spark's params, in form order. */
    private static final List<Param<?>> PARAMS = List.of(NUM_TREES, MAX_DEPTH, CLASSIFICATION_IMPURITY,
            FEATURE_SUBSET_STRATEGY, FEATURE_FRACTION,
        SUBSAMPLING_RATE, BOOTSTRAP, MAX_BINS, MIN_INSTANCES_PER_NODE, MIN_WEIGHT_FRACTION_PER_NODE, MIN_INFO_GAIN,
        SEED, MAX_MEMORY_IN_MB, CACHE_NODE_IDS);

    public RandomForestClassifier() {
        super(classifier("random-forest-classifier")
                .title("Random forest classifier", "随机森林分类")
                .description("Trains many decision trees, each on a random sample of rows and features, and averages "
                                + "their class probabilities; robust with little tuning. Applying the model adds the "
                                + "predicted label, the class probabilities and a score.",
                        "训练多棵决策树（每棵树使用随机抽取的行和特征），并对它们的类别概率取平均；稳健，几乎不需要调参。"
                                + "应用模型会追加预测标签、各类别概率以及得分。")
                .keywords("random forest", "forest", "trees", "ensemble", "bagging", "classification", "multiclass",
                        "随机森林", "决策树", "集成", "分类", "多分类")
                .weighted()
                .textFeatures(TextFeatures.INDEXED)
                .params(PARAMS)
                .checkBeforeFit(TreeBins.atLeastCategories(MAX_BINS))
                .estimator(p -> TreeParams.configure(
                        new org.apache.spark.ml.classification.RandomForestClassifier(), p, PARAMS))
                .facts((RandomForestClassificationModel m) -> Map.of(
                        "trees", m.getNumTrees(),
                        "nodes", m.totalNumNodes(),
                        "deepestTree", Arrays.stream(m.trees()).mapToInt(DecisionTreeModel::depth).max().orElse(0))));
    }
}
