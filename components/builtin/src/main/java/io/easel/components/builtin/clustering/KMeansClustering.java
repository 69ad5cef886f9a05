package io.easel.components.builtin.clustering;

import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ExampleData;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;

/**
 * K-means (Spark's {@code KMeans}): each row goes to the cluster with the nearest centre, and each centre is the
 * mean of its rows. The whole pipeline converts to PMML, cosine distance included (rows are scaled to unit length
 * first, see {@link ClusteringLearner.Declaration#unitLengthWhen}).
 */
public final class KMeansClustering extends ClusteringLearner {

    public static final Param<Integer> K = ClusteringParams.clusters(2);

    public static final Param<Integer> MAX_ITER = ClusteringParams.maxIter(20);

    public static final Param<Double> TOL = ClusteringParams.tolerance(1e-4);

    public static final Param<String> INIT_MODE = Param.choice("initMode", Text.of("Initial centres", "初始中心"),
                    Param.option("k-means||", Text.of("k-means|| (spread out)", "k-means||（分散选取）")),
                    Param.option("random", Text.of("Random rows", "随机选取行")))
            .description(Text.of("How the first centres are chosen: k-means|| picks rows far apart, which usually "
                            + "converges faster to better clusters.",
                    "初始中心的选取方式：k-means|| 选取彼此相距较远的行，通常收敛更快、效果更好。"))
            .defaultValue("k-means||")
            .advanced();

    public static final Param<Integer> INIT_STEPS = Param.integer("initSteps",
                    Text.of("k-means|| steps", "k-means|| 步数"))
            .description(Text.of("Rounds of the k-means|| initialisation.", "k-means|| 初始化的轮数。"))
            .defaultValue(2)
            .range(1, null)
            .visibleWhen(INIT_MODE, "k-means||")
            .advanced();

    public static final Param<String> SOLVER = Param.choice("solver", Text.of("Solver", "求解方式"),
                    Param.option("auto", Text.of("Automatic", "自动")),
                    Param.option("row", Text.of("Row by row", "逐行计算")),
                    Param.option("block", Text.of("Blocks of rows (faster on dense data)", "按行块计算（稠密数据更快）")))
            .description(Text.of("How distances are computed; automatic picks blocks for dense data.",
                    "距离的计算方式；自动模式对稠密数据使用行块计算。"))
            .defaultValue("auto")
            .visibleWhen(ClusteringParams.DISTANCE_MEASURE, "euclidean")
            .advanced();

    public static final Param<Integer> RUNS = ClusteringParams.runs(1,
            Text.of("the lowest within-cluster sum of squared distances", "簇内距离平方和最小"));

    public KMeansClustering() {
        super(clustering("k-means")
                .title("K-means clustering", "K 均值聚类")
                .description("Groups rows into k clusters around centres, each row going to the nearest centre "
                                + "by euclidean or cosine distance. Applying the model adds the cluster number. "
                                + "Exports to PMML.",
                        "将数据行围绕 k 个中心分成 k 个簇，每行归入欧氏距离或余弦距离最近的中心。应用模型会追加簇编号。可导出为 PMML。")
                .keywords("k-means", "kmeans", "clustering", "cluster", "segmentation", "centroid", "unsupervised",
                        "聚类", "K均值", "分群", "无监督")
                .weighted()
                .clusterCount(K)
                .unitLengthWhen(ClusteringParams.COSINE)
                .bestOfRuns(RUNS, (KMeansModel m) -> -m.summary().trainingCost())
                .params(K, ClusteringParams.DISTANCE_MEASURE, MAX_ITER, TOL, INIT_MODE, INIT_STEPS, SOLVER,
                        ClusteringParams.SEED, RUNS)
                .estimator(p -> new KMeans()
                        .setK(p.get(K))
                        .setDistanceMeasure(p.get(ClusteringParams.DISTANCE_MEASURE))
                        .setMaxIter(p.get(MAX_ITER))
                        .setTol(p.get(TOL))
                        .setInitMode(p.get(INIT_MODE))
                        .setInitSteps(p.get(INIT_STEPS))
                        .setSolver(p.get(SOLVER))
                        .setSeed(p.get(ClusteringParams.SEED)))
                .facts((KMeansModel m) -> Map.of(
                        "clusters", m.clusterCenters().length,
                        "iterations", m.summary().numIter(),
                        "trainingCost", m.summary().trainingCost()))
                .examples(Example.of("Credit applicants by cosine distance, text one-hot encoded",
                                "按余弦距离对信贷申请人聚类（文本独热编码）",
                                Map.of("k", 4, "distanceMeasure", "cosine", "featureColumns",
                                        List.of("checking_status", "duration", "credit_history", "purpose",
                                                "credit_amount", "age", "housing")))
                        .input(IN, ExampleData.dataset("credit_g"))));
    }
}
