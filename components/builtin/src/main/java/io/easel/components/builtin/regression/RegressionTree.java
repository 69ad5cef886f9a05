package io.easel.components.builtin.regression;

import io.easel.component.Param;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.learn.TextFeatures;
import io.easel.components.learn.TreeBins;
import io.easel.components.learn.TreeParams;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.DecisionTreeRegressor;

/**
 * One regression tree (Spark's {@code DecisionTreeRegressor}): each leaf predicts the mean label of its training
 * rows. Text features are indexed as categories the tree splits on. Converts to PMML.
 */
public final class RegressionTree extends SupervisedLearner {

    private static final List<Param<?>> PARAMS = TreeParams.tree();

    public RegressionTree() {
        super(regressor("decision-tree-regressor")
                .title("Decision tree regression", "决策树回归")
                .description("Grows one decision tree that predicts a number: each leaf predicts the mean label of "
                                + "the training rows that reach it. Easy to read, quick to train; a forest or boosted "
                                + "trees usually predict better.",
                        "训练一棵预测数值的决策树：每个叶节点预测落入该节点的训练行的标签均值。易于解读、训练快；"
                                + "随机森林或梯度提升树通常预测更准。")
                .keywords("decision tree", "regression tree", "cart", "regression", "决策树", "回归树", "回归")
                .weighted()
                .textFeatures(TextFeatures.INDEXED)
                .params(PARAMS.toArray(Param<?>[]::new))
                .checkBeforeFit(TreeBins.atLeastCategories(TreeParams.MAX_BINS))
                .estimator(p -> TreeParams.configure(new DecisionTreeRegressor(), p, PARAMS))
                .facts((DecisionTreeRegressionModel m) -> Map.of("nodes", m.numNodes(), "depth", m.depth())));
    }
}
