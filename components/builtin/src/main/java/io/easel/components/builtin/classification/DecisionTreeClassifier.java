package io.easel.components.builtin.classification;

import static io.easel.components.learn.TreeParams.CACHE_NODE_IDS;
import static io.easel.components.learn.TreeParams.CLASSIFICATION_IMPURITY;
import static io.easel.components.learn.TreeParams.MAX_BINS;
import static io.easel.components.learn.TreeParams.MAX_DEPTH;
import static io.easel.components.learn.TreeParams.MAX_MEMORY_IN_MB;
import static io.easel.components.learn.TreeParams.MIN_INFO_GAIN;
import static io.easel.components.learn.TreeParams.MIN_INSTANCES_PER_NODE;
import static io.easel.components.learn.TreeParams.MIN_WEIGHT_FRACTION_PER_NODE;
import static io.easel.components.learn.SharedParams.SEED;

import io.easel.component.Param;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.learn.TextFeatures;
import io.easel.components.learn.TreeBins;
import io.easel.components.learn.TreeParams;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;

/**
 * One decision tree for two or more classes (Spark's {@code DecisionTreeClassifier}); text features are indexed as
 * categories the tree splits on. Converts to PMML.
 */
public final class DecisionTreeClassifier extends SupervisedLearner {

    /** Spark's params, in form order. */
    private static final List<Param<?>> PARAMS = List.of(MAX_DEPTH, CLASSIFICATION_IMPURITY, MAX_BINS,
            MIN_INSTANCES_PER_NODE,
        MIN_WEIGHT_FRACTION_PER_NODE, MIN_INFO_GAIN, SEED, MAX_MEMORY_IN_MB, CACHE_NODE_IDS);

    public DecisionTreeClassifier() {
        super(classifier("decision-tree-classifier")
                .title("Decision tree classifier", "决策树分类")
                .description("Learns one tree of if-then splits on the features that sorts rows into two or more "
                                + "classes; easy to read and explain. Applying the model adds the predicted label, "
                                + "the class probabilities (the class shares in the row's leaf) and a score.",
                        "学习一棵基于特征的“如果-那么”分裂树，把数据行分到两个或多个类别中，易于阅读和解释。应用模型会追加预测标签、"
                                + "各类别概率（所在叶节点中各类别的占比）以及得分。")
                .keywords("decision tree", "tree", "cart", "classification", "multiclass", "决策树", "分类", "多分类")
                .weighted()
                .textFeatures(TextFeatures.INDEXED)
                .params(PARAMS)
                .checkBeforeFit(TreeBins.atLeastCategories(MAX_BINS))
                .estimator(p -> TreeParams.configure(
                        new org.apache.spark.ml.classification.DecisionTreeClassifier(), p, PARAMS))
                .facts((DecisionTreeClassificationModel m) -> Map.of("depth", m.depth(), "nodes", m.numNodes())));
    }
}
