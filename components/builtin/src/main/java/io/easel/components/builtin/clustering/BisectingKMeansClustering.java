package io.easel.components.builtin.clustering;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.ClusteringLearner;
import java.util.Map;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;

/**
 * Bisecting k-means (Spark's {@code BisectingKMeans}): starts from one cluster of all rows and splits clusters in two
 * with k-means until there are k, a top-down hierarchy that is often faster than k-means and less sensitive to the
 * first centres. JPMML-SparkML does not convert it: the model is not deployable.
 */
public final class BisectingKMeansClustering extends ClusteringLearner {

    public static final Param<Integer> K = ClusteringParams.clusters(4);

    public static final Param<Integer> MAX_ITER = ClusteringParams.maxIter(20);

    public static final Param<Double> MIN_DIVISIBLE_CLUSTER_SIZE = Param.decimal("minDivisibleClusterSize",
                    Text.of("Smallest cluster to split", "可拆分的最小簇"))
            .description(Text.of("A cluster with fewer rows is not split further: a number of rows when 1 or more, "
                            + "a share of all rows when below 1.",
                    "行数少于该值的簇不再拆分：不小于 1 时表示行数，小于 1 时表示占全部行数的比例。"))
            .defaultValue(1.0)
            .range(0, true, null, false)
            .advanced();

    public BisectingKMeansClustering() {
        super(clustering("bisecting-k-means")
                .title("Bisecting k-means clustering", "二分 K 均值聚类")
                .description("Groups rows into k clusters by splitting them in two, again and again, with k-means, "
                                + "by euclidean or cosine distance. Applying the model adds the cluster number.",
                        "以 K 均值反复将数据行一分为二，直到得到 k 个簇，可使用欧氏距离或余弦距离。应用模型会追加簇编号。")
                .keywords("bisecting k-means", "k-means", "hierarchical", "divisive", "clustering", "cluster",
                        "segmentation", "unsupervised", "二分K均值", "层次聚类", "聚类", "分群")
                .weighted()
                .withoutPmml()
                .clusterCount(K)
                .unitLengthWhen(ClusteringParams.COSINE)
                .params(K, ClusteringParams.DISTANCE_MEASURE, MAX_ITER, MIN_DIVISIBLE_CLUSTER_SIZE,
                        ClusteringParams.SEED)
                .estimator(p -> new BisectingKMeans()
                        .setK(p.get(K))
                        .setDistanceMeasure(p.get(ClusteringParams.DISTANCE_MEASURE))
                        .setMaxIter(p.get(MAX_ITER))
                        .setMinDivisibleClusterSize(p.get(MIN_DIVISIBLE_CLUSTER_SIZE))
                        .setSeed(p.get(ClusteringParams.SEED)))
                .facts((BisectingKMeansModel m) -> Map.of(
                        "clusters", m.clusterCenters().length,
                        "iterations", m.summary().numIter(),
                        "trainingCost", m.summary().trainingCost())));
    }
}
