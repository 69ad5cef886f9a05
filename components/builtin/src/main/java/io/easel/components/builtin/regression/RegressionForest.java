package io.easel.components.builtin.regression;

import io.easel.component.Param;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.learn.TextFeatures;
import io.easel.components.learn.TreeBins;
import io.easel.components.learn.TreeParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressor;

/**
 * A random forest predicting a number (Spark's {@code RandomForestRegressor}): trees grown on bootstrap samples with
 * a random subset of features tried per split, their predictions averaged. Converts to PMML.
 */
public final class RegressionForest extends SupervisedLearner {

    private static final List<Param<?>> PARAMS = params();

    public RegressionForest() {
        super(regressor("random-forest-regressor")
                .title("Random forest regression", "随机森林回归")
                .description("Trains a random forest that predicts a number: many decision trees, each grown on a "
                                + "random sample of the rows and trying a random subset of the features at each split, "
                                + "whose predictions are averaged.",
                        "训练预测数值的随机森林：由许多决策树组成，每棵树在随机抽样的行上生长、每次切分只考虑随机选取的"
                                + "部分特征，预测取各树的平均值。")
                .keywords("random forest", "forest", "bagging", "ensemble", "regression", "随机森林", "集成", "回归")
                .weighted()
                .textFeatures(TextFeatures.INDEXED)
                .params(PARAMS)
                .checkBeforeFit(TreeBins.atLeastCategories(TreeParams.MAX_BINS))
                .estimator(p -> TreeParams.configure(new RandomForestRegressor(), p, PARAMS))
                .facts((RandomForestRegressionModel m) -> Map.of("trees", m.getNumTrees(),
                        "nodes", m.totalNumNodes())));
    }

    private static List<Param<?>> params() {
        List<Param<?>> params = new ArrayList<>(List.of(TreeParams.NUM_TREES));
        params.addAll(TreeParams.ensemble(TreeParams.FEATURE_SUBSET_STRATEGY));
        params.add(TreeParams.BOOTSTRAP);
        return List.copyOf(params);
    }
}
