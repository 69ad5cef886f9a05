package io.easel.components.builtin.clustering;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.ClusteringLearner;
import java.util.Map;
import org.apache.spark.ml.clustering.GaussianMixture;
import org.apache.spark.ml.clustering.GaussianMixtureModel;

/**
 * A Gaussian mixture (Spark's {@code GaussianMixture}, fitted by expectation-maximisation): each cluster is a
 * multivariate normal distribution with its own mean and covariance, so clusters may be elongated and of different
 * sizes, and each row belongs to every cluster with a probability. JPMML-SparkML does not convert it: the model is not
 * deployable.
 */
public final class GaussianMixtureClustering extends ClusteringLearner {

    /**
     * Spark keeps a dense slots × slots covariance per cluster and updates every one for every row in every
     * iteration (and inverts them on the driver): past a few dozen slots, e.g. after one-hot encoding or hashing,
     * a fit that takes seconds on iris takes hours.
     */
    public static final int MOST_SLOTS = 50;

    public static final Param<Integer> K = ClusteringParams.clusters(2);

    public static final Param<Integer> MAX_ITER = ClusteringParams.maxIter(100);

    public static final Param<Double> TOL = ClusteringParams.tolerance(0.01);

    public static final Param<Integer> RUNS = ClusteringParams.runs(1,
            Text.of("the highest likelihood", "似然最高"));

    public GaussianMixtureClustering() {
        super(clustering("gaussian-mixture")
                .title("Gaussian mixture clustering", "高斯混合聚类")
                .description("Models the rows as a mixture of k multivariate normal distributions. Applying the "
                                + "model adds the most likely cluster and the probability of each cluster. Suits "
                                + "a few numeric features: each cluster estimates a covariance between every pair, "
                                + "so features wider than " + MOST_SLOTS + " slots (numbers, one-hot categories, "
                                + "vector elements) are refused before fitting.",
                        "将数据行建模为 k 个多元正态分布的混合。应用模型会追加最可能的簇以及属于各簇的概率。适合少量数值特征："
                                + "每个簇都要估计每对特征之间的协方差，因此特征向量超过 " + MOST_SLOTS
                                + " 维（数值、独热类别、向量元素）时在拟合前即被拒绝。")
                .keywords("gaussian mixture", "gmm", "mixture model", "em", "soft clustering", "clustering",
                        "cluster", "unsupervised", "高斯混合", "混合模型", "软聚类", "聚类")
                .weighted()
                .soft()
                .withoutPmml()
                .mostFeatureSlots(MOST_SLOTS, "a Gaussian mixture fits in reasonable time (each cluster estimates "
                        + "a covariance between every pair of slots)")
                .clusterCount(K)
                .bestOfRuns(RUNS, (GaussianMixtureModel m) -> m.summary().logLikelihood())
                .params(K, MAX_ITER, TOL, ClusteringParams.SEED, RUNS)
                .estimator(p -> new GaussianMixture()
                        .setK(p.get(K))
                        .setMaxIter(p.get(MAX_ITER))
                        .setTol(p.get(TOL))
                        .setSeed(p.get(ClusteringParams.SEED)))
                .facts((GaussianMixtureModel m) -> Map.of(
                        "clusters", m.getK(),
                        "iterations", m.summary().numIter(),
                        "logLikelihood", m.summary().logLikelihood())));
    }
}
