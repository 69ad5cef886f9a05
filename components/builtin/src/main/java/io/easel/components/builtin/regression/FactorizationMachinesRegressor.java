package io.easel.components.builtin.regression;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SupervisedLearner;
import org.apache.spark.ml.regression.FMRegressionModel;
import org.apache.spark.ml.regression.FMRegressor;

/**
 * Factorization machines for regression (Spark's {@code FMRegressor}): a linear model plus every pairwise interaction
 * of features, each weighted by the dot product of two learned factor vectors, which lets sparse one-hot data share
 * what it learns. JPMML-SparkML does not convert it: its model has no PMML.
 */
public final class FactorizationMachinesRegressor extends SupervisedLearner {

    static final Param<Integer> FACTOR_SIZE = Param.integer("factorSize", Text.of("Factor size", "因子维度"))
            .description(Text.of("Length of the factor vector each feature learns for its interactions.",
                    "每个特征为其交互作用学习的因子向量长度。"))
            .defaultValue(8)
            .range(1, null);

    static final Param<Boolean> FIT_INTERCEPT = Param.bool("fitIntercept", Text.of("Fit intercept", "拟合截距"))
            .defaultValue(true)
            .advanced();

    static final Param<Boolean> FIT_LINEAR = Param.bool("fitLinear", Text.of("Fit linear terms", "拟合线性项"))
            .description(Text.of("Learn a weight per feature besides the pairwise interactions.",
                    "除两两交互外，还为每个特征学习一个线性权重。"))
            .defaultValue(true)
            .advanced();

    static final Param<Double> REG_PARAM = Param.decimal("regParam", Text.of("L2 regularization", "L2 正则化强度"))
            .defaultValue(0.0)
            .range(0, null);

    static final Param<Double> MINI_BATCH_FRACTION = Param.decimal("miniBatchFraction",
                    Text.of("Mini-batch fraction", "小批量比例"))
            .description(Text.of("Share of rows each optimization step looks at.", "每个优化步骤使用的行比例。"))
            .defaultValue(1.0)
            .range(0, true, 1, false)
            .advanced();

    static final Param<Double> INIT_STD = Param.decimal("initStd", Text.of("Initial factor spread",
                    "因子初始标准差"))
            .description(Text.of("Standard deviation of the random initial factors.", "随机初始化因子的标准差。"))
            .defaultValue(0.01)
            .range(0, null)
            .advanced();

    static final Param<Integer> MAX_ITER = Param.integer("maxIter", Text.of("Maximum iterations", "最大迭代次数"))
            .defaultValue(100)
            .range(0, null);

    static final Param<Double> STEP_SIZE = Param.decimal("stepSize", Text.of("Learning rate", "学习率"))
            .description(Text.of("Initial step size of the optimizer.", "优化器的初始步长。"))
            .defaultValue(1.0)
            .range(0, true, null, false);

    static final Param<Double> TOL = Param.decimal("tol", Text.of("Convergence tolerance", "收敛容差"))
            .defaultValue(1e-6)
            .range(0, null)
            .advanced();

    static final Param<String> SOLVER = Param.choice("solver", Text.of("Optimizer", "优化器"),
                    Param.option("adamW", Text.of("AdamW (adaptive steps)", "AdamW（自适应步长）")),
                    Param.option("gd", Text.of("Mini-batch gradient descent", "小批量梯度下降")))
            .defaultValue("adamW")
            .advanced();

    static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"))
            .defaultValue(42)
            .advanced();

    public FactorizationMachinesRegressor() {
        super(regressor("fm-regressor")
                .title("Factorization machines regression", "因子分解机回归")
                .description("Predicts a number from a linear model plus all pairwise feature interactions, each "
                                + "interaction weighted through learned factor vectors; suits sparse data with many "
                                + "categories. Scale numeric features to similar ranges first. Not exportable to PMML.",
                        "用线性模型加上所有特征两两交互来预测数值，每个交互的权重由学习到的因子向量给出；适合类别很多的稀疏"
                                + "数据。请先把数值特征缩放到相近的范围。不能导出为 PMML。")
                .keywords("factorization machines", "fm", "interactions", "sparse", "regression", "因子分解机",
                        "特征交互", "回归")
                .withoutPmml()
                .params(FACTOR_SIZE, REG_PARAM, MAX_ITER, STEP_SIZE, FIT_INTERCEPT, FIT_LINEAR, MINI_BATCH_FRACTION,
                        INIT_STD, TOL, SOLVER, SEED)
                .estimator(p -> new FMRegressor()
                        .setFactorSize(p.get(FACTOR_SIZE))
                        .setFitIntercept(p.get(FIT_INTERCEPT))
                        .setFitLinear(p.get(FIT_LINEAR))
                        .setRegParam(p.get(REG_PARAM))
                        .setMiniBatchFraction(p.get(MINI_BATCH_FRACTION))
                        .setInitStd(p.get(INIT_STD))
                        .setMaxIter(p.get(MAX_ITER))
                        .setStepSize(p.get(STEP_SIZE))
                        .setTol(p.get(TOL))
                        .setSolver(p.get(SOLVER))
                        .setSeed(p.get(SEED)))
                .facts((FMRegressionModel m) -> TrainingFacts.linear(m.linear(), m.intercept())
                        .put("factorSize", m.getFactorSize())
                        .map()));
    }
}
