package io.easel.components.builtin.regression;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SharedParams;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.transform.StandardizedLabelFm;
import org.apache.spark.ml.regression.FMRegressionModel;

/**
 * Factorization machines for regression (Spark's {@code FMRegressor}): a linear model plus every pairwise interaction
 * of features, each weighted by the dot product of two learned factor vectors, which lets sparse one-hot data share
 * what it learns. Its optimizers depend on the scale of features and label, so both are standardized for fitting
 * ({@link StandardizedLabelFm}); the model predicts on the label's own scale. JPMML-SparkML does not convert it: its
 * model has no PMML.
 */
public final class FactorizationMachinesRegressor extends SupervisedLearner {

    static final Param<Integer> FACTOR_SIZE = Param.integer("factorSize", Text.of("Factor size", "因子维度"))
            .description(Text.of("Length of the factor vector each feature learns for its interactions.",
                    "每个特征为其交互作用学习的因子向量长度。"))
            .defaultValue(8)
            .range(1, null);

    static final Param<Boolean> FIT_LINEAR = Param.bool("fitLinear", Text.of("Fit linear terms", "拟合线性项"))
            .description(Text.of("Learn a weight per feature besides the pairwise interactions.",
                    "除两两交互外，还为每个特征学习一个线性权重。"))
            .defaultValue(true)
            .advanced();

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

    static final Param<Double> REG_PARAM = SharedParams.REG_PARAM.description(Text.of("L2 penalty on large "
            + "weights and factors; 0 fits without a penalty.", "对过大权重和因子的 L2 惩罚；0 表示不加惩罚。"));

    static final Param<Double> STEP_SIZE = Param.decimal("stepSize", Text.of("Learning rate", "学习率"))
            .description(Text.of("Initial step size of the optimizer.", "优化器的初始步长。"))
            .defaultValue(1.0)
            .range(0, true, null, false);

    static final Param<String> SOLVER = Param.choice("solver", Text.of("Optimizer", "优化器"),
                    Param.option("adamW", Text.of("AdamW (adaptive steps)", "AdamW（自适应步长）")),
                    Param.option("gd", Text.of("Mini-batch gradient descent", "小批量梯度下降")))
            .defaultValue("adamW")
            .advanced();

    public FactorizationMachinesRegressor() {
        super(regressor("fm-regressor")
                .title("Factorization machines regression", "因子分解机回归")
                .description("Predicts a number from a linear model plus all pairwise feature interactions, each "
                                + "interaction weighted through learned factor vectors; suits sparse data with many "
                                + "categories. Features are standardized before fitting. Not exportable to PMML.",
                        "用线性模型加上所有特征两两交互来预测数值，每个交互的权重由学习到的因子向量给出；适合类别很多的稀疏"
                                + "数据。拟合前会对特征做标准化。不能导出为 PMML。")
                .keywords("factorization machines", "fm", "interactions", "sparse", "regression", "因子分解机",
                        "特征交互", "回归")
                .withoutPmml()
                .standardizedFeatures()
                .params(FACTOR_SIZE, REG_PARAM, SharedParams.MAX_ITER, STEP_SIZE, SharedParams.FIT_INTERCEPT,
                        FIT_LINEAR, MINI_BATCH_FRACTION, INIT_STD, SharedParams.TOL, SOLVER, SharedParams.SEED)
                .estimator(p -> new StandardizedLabelFm()
                        .setFactorSize(p.get(FACTOR_SIZE))
                        .setFitIntercept(p.get(SharedParams.FIT_INTERCEPT))
                        .setFitLinear(p.get(FIT_LINEAR))
                        .setRegParam(p.get(REG_PARAM))
                        .setMiniBatchFraction(p.get(MINI_BATCH_FRACTION))
                        .setInitStd(p.get(INIT_STD))
                        .setMaxIter(p.get(SharedParams.MAX_ITER))
                        .setStepSize(p.get(STEP_SIZE))
                        .setTol(p.get(SharedParams.TOL))
                        .setSolver(p.get(SOLVER))
                        .setSeed(p.get(SharedParams.SEED)))
                .facts((FMRegressionModel m) -> TrainingFacts.linear(m.linear(), m.intercept())
                        .put("factorSize", m.getFactorSize())
                        .map()));
    }
}
