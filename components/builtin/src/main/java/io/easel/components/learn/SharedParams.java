package io.easel.components.learn;

import io.easel.component.Param;
import io.easel.component.Text;

/**
 * Params many Spark learners share (Spark's {@code ml.param.shared}: {@code HasMaxIter}, {@code HasTol} …), declared
 * once with Spark's names, defaults and ranges. A learner whose Spark default differs says so with
 * {@link Param#defaultValue}, e.g. {@code SharedParams.MAX_ITER.defaultValue(25)}.
 */
public final class SharedParams {

    public static final Param<Double> REG_PARAM = Param.decimal("regParam", Text.of("Regularization strength",
                    "正则化强度"))
            .description(Text.of("Penalty on large coefficients; 0 fits without a penalty.",
                    "对过大系数的惩罚；0 表示不加惩罚。"))
            .defaultValue(0.0)
            .range(0, null);

    public static final Param<Boolean> FIT_INTERCEPT = Param.bool("fitIntercept", Text.of("Fit intercept",
                    "拟合截距"))
            .description(Text.of("Learn a constant term; off: the model passes through the origin.",
                    "学习常数项；关闭则模型经过原点。"))
            .defaultValue(true)
            .advanced();

    public static final Param<Integer> MAX_ITER = Param.integer("maxIter", Text.of("Maximum iterations",
                    "最大迭代次数"))
            .description(Text.of("The optimiser stops after this many iterations if it has not converged.",
                    "优化器未收敛时，达到该迭代次数即停止。"))
            .defaultValue(100)
            .range(0, null);

    public static final Param<Double> TOL = Param.decimal("tol", Text.of("Convergence tolerance", "收敛容差"))
            .description(Text.of("Iterations stop once the objective improves by less than this.",
                    "目标函数的改善小于此值时停止迭代。"))
            .defaultValue(1e-6)
            .range(0, null)
            .advanced();

    public static final Param<Boolean> STANDARDIZATION = Param.bool("standardization",
                    Text.of("Standardize features", "标准化特征"))
            .description(Text.of("Scale features to unit variance while training, so that regularization treats "
                            + "them alike; coefficients are reported on the original scale.",
                    "训练时把特征缩放为单位方差，使正则化对各特征一视同仁；系数仍以原始尺度给出。"))
            .defaultValue(true)
            .advanced();

    public static final Param<Integer> AGGREGATION_DEPTH = Param.integer("aggregationDepth",
                    Text.of("Aggregation depth", "聚合深度"))
            .description(Text.of("Depth of Spark's tree aggregation; raise it for very many features or partitions.",
                    "Spark 树形聚合的深度；特征或分区非常多时可调大。"))
            .defaultValue(2)
            .range(2, null)
            .advanced();

    public static final Param<Double> MAX_BLOCK_SIZE_IN_MB = Param.decimal("maxBlockSizeInMB",
                    Text.of("Maximum block size (MB)", "最大数据块大小（MB）"))
            .description(Text.of("Memory for stacking rows into blocks; 0 lets Spark choose.",
                    "将行堆叠成块时使用的内存；0 表示由 Spark 自动选择。"))
            .defaultValue(0.0)
            .range(0, null)
            .advanced();

    public static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"))
            .description(Text.of("The same seed on the same data trains the same model.",
                    "相同数据、相同种子会训练出相同的模型。"))
            .defaultValue(42)
            .advanced();

    private SharedParams() {}
}
