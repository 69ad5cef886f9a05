package io.easel.components.builtin.clustering;

import io.easel.component.BoundParams;
import io.easel.component.Param;
import io.easel.component.Text;
import java.util.function.Predicate;

/** The params several clustering components share, declared once. */
final class ClusteringParams {

    static final Param<String> DISTANCE_MEASURE = Param.choice("distanceMeasure",
                    Text.of("Distance measure", "距离度量"),
                    Param.option("euclidean", Text.of("Euclidean", "欧氏距离")),
                    Param.option("cosine", Text.of("Cosine (direction only)", "余弦距离（只看方向）")))
            .description(Text.of("Euclidean compares values; cosine compares only the direction of each row's "
                            + "feature vector, which suits counts and text (a row whose features are all 0 has no "
                            + "direction and is refused).",
                    "欧氏距离比较数值大小；余弦距离只比较每行特征向量的方向，适合计数与文本（特征全为 0 的行没有方向，会被拒绝）。"))
            .defaultValue("euclidean");

    /** Whether the bound params ask for cosine distance. */
    static final Predicate<BoundParams> COSINE = p -> "cosine".equals(p.get(DISTANCE_MEASURE));

    static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"))
            .description(Text.of("The same seed gives the same result on the same data.",
                    "相同的种子在相同的数据上给出相同的结果。"))
            .defaultValue(42)
            .advanced();

    private ClusteringParams() {}

    /** The number of clusters (or topics), k. */
    static Param<Integer> clusters(int byDefault) {
        return Param.integer("k", Text.of("Number of clusters (k)", "聚类数（k）"))
                .description(Text.of("How many clusters to form; at most the number of training rows.",
                        "要形成的簇的个数；不超过训练行数。"))
                .defaultValue(byDefault)
                .range(2, null)
                .required();
    }

    static Param<Integer> maxIter(int byDefault) {
        return Param.integer("maxIter", Text.of("Maximum iterations", "最大迭代次数"))
                .description(Text.of("Training stops after this many iterations even if it has not converged.",
                        "即使尚未收敛，达到该迭代次数后也停止训练。"))
                .defaultValue(byDefault)
                .range(1, null);
    }

    /** How many times to train from different random starts, keeping the best clustering. */
    static Param<Integer> runs(int byDefault, Text best) {
        return Param.integer("runs", Text.of("Runs", "运行次数"))
                .description(Text.of("Trains this many times, from the seed and the seeds after it, and keeps the "
                                + "best clustering (" + best.en() + "): more runs take longer but avoid a poor "
                                + "start.",
                        "从该种子及其后续种子开始训练多次，保留最好的聚类结果（" + best.zh() + "）：次数越多耗时越长，但可避免糟糕的初始状态。"))
                .defaultValue(byDefault)
                .range(1, 100)
                .advanced();
    }

    static Param<Double> tolerance(double byDefault) {
        return Param.decimal("tol", Text.of("Convergence tolerance", "收敛阈值"))
                .description(Text.of("Training stops early once an iteration improves less than this.",
                        "某次迭代的改进小于该值时提前停止训练。"))
                .defaultValue(byDefault)
                .range(0, null)
                .advanced();
    }
}
