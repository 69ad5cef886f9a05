package io.easel.components.builtin.regression;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SharedParams;
import io.easel.components.learn.SupervisedLearner;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionTrainingSummary;

/**
 * Linear regression (Spark's {@code LinearRegression}): least squares or Huber loss, with elastic-net
 * regularization. Text features are one-hot encoded. Converts to PMML.
 *
 * <p>Spark refuses Huber loss with the normal-equation solver or an L1 part: the solver and elastic-net mixing are
 * offered for squared error only, so that combination cannot be chosen.
 */
public final class LinearRegressor extends SupervisedLearner {

    static final Param<String> LOSS = Param.choice("loss", Text.of("Loss", "损失函数"),
                    Param.option("squaredError", Text.of("Squared error (least squares)", "平方误差（最小二乘）")),
                    Param.option("huber", Text.of("Huber (robust to outliers)", "Huber（对异常值稳健）")))
            .description(Text.of("Huber loss is squared for small errors and linear for large ones, so outliers "
                            + "pull the line less.",
                    "Huber 损失对小误差取平方、对大误差取线性，异常值对拟合的影响更小。"))
            .defaultValue("squaredError");

    static final Param<Double> EPSILON = Param.decimal("epsilon", Text.of("Huber threshold", "Huber 阈值"))
            .description(Text.of("Errors beyond this many (scaled) units count linearly; 1.35 keeps 95% of the "
                            + "efficiency of least squares on normal errors.",
                    "超过此（缩放后）幅度的误差按线性计入；1.35 在正态误差下保持最小二乘 95% 的效率。"))
            .defaultValue(1.35)
            .range(1, true, null, false)
            .visibleWhen(LOSS, "huber")
            .advanced();

    static final Param<Double> REG_PARAM = SharedParams.REG_PARAM
            .description(Text.of("Penalty on large coefficients; 0 fits plain least squares.",
                    "对过大系数的惩罚；0 表示普通最小二乘。"));

    static final Param<Double> ELASTIC_NET = Param.decimal("elasticNetParam", Text.of("Elastic-net mixing (L1 share)",
                    "弹性网络混合比例（L1 占比）"))
            .description(Text.of("0: ridge (L2) penalty; 1: lasso (L1), which sets some coefficients to exactly 0; "
                            + "in between: a mix.",
                    "0 为岭回归（L2）惩罚；1 为 Lasso（L1），会把部分系数压为 0；介于两者之间为混合。"))
            .defaultValue(0.0)
            .range(0, 1)
            .visibleWhen(LOSS, "squaredError");

    static final Param<Boolean> STANDARDIZATION = Param.bool("standardization",
                    Text.of("Standardize features", "特征标准化"))
            .description(Text.of("Scale features to unit variance while fitting, so the penalty treats them alike; "
                            + "coefficients are reported on the original scale.",
                    "拟合时将特征缩放到单位方差，使惩罚对各特征一视同仁；系数仍以原始尺度给出。"))
            .defaultValue(true)
            .advanced();

    static final Param<String> SOLVER = Param.choice("solver", Text.of("Solver", "求解器"),
                    Param.option("auto", Text.of("Automatic", "自动")),
                    Param.option("normal", Text.of("Normal equations (exact, up to 4096 features)",
                            "正规方程（精确解，最多 4096 个特征）")),
                    Param.option("l-bfgs", Text.of("L-BFGS (iterative)", "L-BFGS（迭代）")))
            .defaultValue("auto")
            .visibleWhen(LOSS, "squaredError")
            .advanced();

    public LinearRegressor() {
        super(regressor("linear-regression")
                .title("Linear regression", "线性回归")
                .description("Fits a straight-line (linear) relation between the features and a number, by least "
                                + "squares or the outlier-robust Huber loss, optionally penalizing large coefficients "
                                + "(ridge, lasso or elastic net). Text features are one-hot encoded.",
                        "用最小二乘或对异常值稳健的 Huber 损失拟合特征与数值之间的线性关系，可对过大的系数加惩罚（岭回归、"
                                + "Lasso 或弹性网络）。文本特征做独热编码。")
                .keywords("linear regression", "least squares", "ols", "ridge", "lasso", "elastic net", "huber",
                        "regression", "线性回归", "最小二乘", "岭回归", "回归")
                .weighted()
                .params(LOSS, EPSILON, REG_PARAM, ELASTIC_NET, SharedParams.FIT_INTERCEPT, STANDARDIZATION, SOLVER,
                        SharedParams.MAX_ITER, SharedParams.TOL, SharedParams.AGGREGATION_DEPTH,
                        SharedParams.MAX_BLOCK_SIZE_IN_MB)
                .checkBeforeFit(f -> {
                    if (f.params().get(SOLVER).equals("normal")) {
                        NormalEquations.check(f, "set param 'solver' to l-bfgs or auto, or leave out text columns "
                                + "with many values");
                    }
                })
                .estimator(p -> new LinearRegression()
                        .setLoss(p.get(LOSS))
                        .setEpsilon(p.get(EPSILON))
                        .setRegParam(p.get(REG_PARAM))
                        .setElasticNetParam(p.get(ELASTIC_NET))
                        .setFitIntercept(p.get(SharedParams.FIT_INTERCEPT))
                        .setStandardization(p.get(STANDARDIZATION))
                        .setSolver(p.get(SOLVER))
                        .setMaxIter(p.get(SharedParams.MAX_ITER))
                        .setTol(p.get(SharedParams.TOL))
                        .setAggregationDepth(p.get(SharedParams.AGGREGATION_DEPTH))
                        .setMaxBlockSizeInMB(p.get(SharedParams.MAX_BLOCK_SIZE_IN_MB)))
                .facts((LinearRegressionModel m) -> {
                    LinearRegressionTrainingSummary summary = m.summary();
                    double[] objective = summary.objectiveHistory();
                    return TrainingFacts.linear(m.coefficients(), m.intercept())
                            .put("iterations", summary.totalIterations())
                            .put("objective", objective.length == 0 ? Double.NaN : objective[objective.length - 1])
                            .put("trainingRmse", summary.rootMeanSquaredError())
                            .put("trainingMae", summary.meanAbsoluteError())
                            .put("trainingR2", summary.r2())
                            .map();
                }));
    }
}
