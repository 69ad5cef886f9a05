package io.easel.components.builtin.classification;

import io.easel.component.Param;
import io.easel.component.Text;

/**
 * The params Spark's linear classifiers share (logistic regression, linear SVM), named as Spark names them so that
 * {@link io.easel.components.learn.SparkParams} hands them over, with Spark's ranges.
 */
public final class LinearParams {

    public static final Param<Double> REG_PARAM = Param.decimal("regParam",
                    Text.of("Regularization strength", "正则化强度"))
            .description(Text.of("How strongly large coefficients are penalised; 0 for none. Raise it when the "
                            + "model overfits.",
                    "对较大系数的惩罚力度；0 表示不做正则化。模型过拟合时可调大。"))
            .defaultValue(0.0)
            .range(0, null);

    public static final Param<Integer> MAX_ITER = Param.integer("maxIter", Text.of("Maximum iterations",
                    "最大迭代次数"))
            .description(Text.of("The optimiser stops after this many iterations if it has not converged.",
                    "优化器未收敛时，达到该迭代次数即停止。"))
            .defaultValue(100)
            .range(0, null);

    public static final Param<Double> TOL = Param.decimal("tol", Text.of("Convergence tolerance", "收敛容差"))
            .description(Text.of("The optimiser stops when an iteration improves the objective by less than this.",
                    "某次迭代对目标函数的改进小于该值时，优化器停止。"))
            .defaultValue(1e-6)
            .range(0, null)
            .advanced();

    public static final Param<Boolean> FIT_INTERCEPT = Param.bool("fitIntercept", Text.of("Fit intercept", "拟合截距"))
            .description(Text.of("Learn a constant term besides the coefficients.", "除系数外再学习一个常数项。"))
            .defaultValue(true)
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
            .description(Text.of("Depth of the tree aggregation of gradients; raise it for very many features or "
                            + "partitions.",
                    "梯度树形聚合的深度；特征或分区非常多时可调大。"))
            .defaultValue(2)
            .range(2, null)
            .advanced();

    public static final Param<Double> MAX_BLOCK_SIZE_IN_MB = Param.decimal("maxBlockSizeInMB",
                    Text.of("Block size (MB)", "数据块大小（MB）"))
            .description(Text.of("Memory of the blocks rows are stacked into for training; 0 lets Spark choose.",
                    "训练时将行堆叠成数据块的内存大小；0 表示由 Spark 自动选择。"))
            .defaultValue(0.0)
            .range(0, null)
            .advanced();

    private LinearParams() {}
}
