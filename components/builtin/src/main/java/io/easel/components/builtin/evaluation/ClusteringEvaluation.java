package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.col;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.GaussianMixtureModel;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.distribution.MultivariateGaussian;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How well a clustering model separates a table's rows: the silhouette (Spark's {@code ClusteringEvaluator}), the
 * Calinski–Harabasz and Davies–Bouldin indices, the rows per cluster, the model's cluster centres, and a sample of
 * at most {@value ClusterProjection#MAX_POINTS} rows on their first two principal components
 * ({@link ClusterProjection}). It applies the model itself, so it measures distances in the model's own feature
 * space (text one-hot encoded, missing numbers filled) rather than in whatever columns the table has.
 */
public final class ClusteringEvaluation implements SparkComponent {

    static final String ID = "clustering-evaluation";
    static final String KIND = "clustering";

    /** What the report holds, in the order it shows it. */
    public static final ReportSpec SPEC = ReportSpec.builder(KIND)
            .headline("silhouette", "Silhouette", "轮廓系数")
            .headline("clusters", "Clusters", "簇数")
            .metric("calinskiHarabasz", "Calinski–Harabasz index", "Calinski-Harabasz 指数")
            .metric("daviesBouldin", "Davies–Bouldin index", "Davies-Bouldin 指数")
            .metric("rows", "Rows", "行数")
            .metric("distanceMeasure", "Silhouette distance", "轮廓系数所用距离")
            .metric("projectedVariance", "Variance the projection shows", "二维投影保留的方差占比")
            .chart("sizes", ReportSpec.ChartKind.BARS, Text.of("Rows per cluster", "各簇行数"),
                    Text.of("Rows", "行数"), Text.of("Cluster", "簇"))
            .chart("projection", ReportSpec.ChartKind.SCATTER, Text.of("Clusters on the first two principal "
                            + "components", "各簇在前两个主成分上的分布"),
                    Text.of("First principal component", "第一主成分"),
                    Text.of("Second principal component", "第二主成分"))
            .chart("centers", ReportSpec.ChartKind.TABLE, Text.of("Cluster centres", "簇中心"))
            .build();

    public static final Port MODEL = Port.input("model", PortType.MODEL, Text.of("Clustering model", "聚类模型"));
    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> DISTANCE_MEASURE = Param.choice("distanceMeasure",
                    Text.of("Silhouette distance", "轮廓系数所用距离"),
                    Param.option("squaredEuclidean", Text.of("Squared euclidean", "欧氏距离平方")),
                    Param.option("cosine", Text.of("Cosine", "余弦距离")))
            .description(Text.of("The distance the silhouette compares rows by; pick cosine for a model trained "
                            + "with cosine distance. The other indices are always euclidean.",
                    "计算轮廓系数时比较行的距离；以余弦距离训练的模型请选余弦距离。其他指标始终使用欧氏距离。"))
            .defaultValue("squaredEuclidean");

    public static final Port REPORT = Port.output("report", PortType.REPORT,
            Text.of("Evaluation report", "评估报告"), SchemaRule.fixed(SPEC));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.EVALUATION)
            .title("Clustering evaluation", "聚类评估")
            .description("Applies a clustering model to a table and measures how well it separates the rows: "
                            + "silhouette (from -1 to 1, higher is better), Calinski–Harabasz (higher is better) "
                            + "and Davies–Bouldin (lower is better), with the rows per cluster, the cluster "
                            + "centres and a sample of the rows drawn on their first two principal components.",
                    "将聚类模型应用于数据表并衡量其划分效果：轮廓系数（-1 到 1，越高越好）、Calinski-Harabasz 指数（越高越好）和 "
                            + "Davies-Bouldin 指数（越低越好），并给出各簇行数、簇中心，以及抽样行在前两个主成分上的分布图。")
            .keywords("evaluate", "clustering", "silhouette", "cluster sizes", "centroids", "metrics", "评估",
                    "聚类", "轮廓系数", "簇中心")
            .inputs(MODEL, IN)
            .outputs(REPORT)
            .params(DISTANCE_MEASURE)
            .examples(new Example(Text.of("K-means with 3 clusters on iris", "鸢尾花上 3 个簇的 K 均值"), Map.of(),
                    Map.of(MODEL.name(), ExampleData.model("k-means", Map.of("k", 3, "featureColumns",
                                    ClusteringLearner.IRIS_MEASUREMENTS), ExampleData.dataset("iris")),
                            IN.name(), ExampleData.dataset("iris"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ModelData model = ctx.model(MODEL);
        String measure = ctx.param(DISTANCE_MEASURE);
        Dataset<Row> assigned = ClusteringLearner.assignWithFeatures(ID, model, ctx.table(IN).rows())
                .select(col(ClusteringLearner.FEATURES), col(ClusteringLearner.CLUSTER))
                .persist();
        try {
            ClusterSpread spread = ClusterSpread.of(assigned, ClusteringLearner.FEATURES, ClusteringLearner.CLUSTER);
            if (spread.rows() == 0) {
                throw new IllegalArgumentException(ID + ": input 'in' has no rows to evaluate");
            }
            if (spread.clusters() < 2) {
                throw new IllegalArgumentException(ID + ": all " + spread.rows() + " rows fall in one cluster, and "
                        + "the silhouette compares clusters; evaluate on more varied rows or train with more clusters");
            }
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("silhouette", new ClusteringEvaluator()
                    .setFeaturesCol(ClusteringLearner.FEATURES)
                    .setPredictionCol(ClusteringLearner.CLUSTER)
                    .setDistanceMeasure(measure)
                    .evaluate(assigned));
            metrics.put("clusters", spread.clusters());
            spread.calinskiHarabasz().ifPresent(v -> metrics.put("calinskiHarabasz", v));
            spread.daviesBouldin().ifPresent(v -> metrics.put("daviesBouldin", v));
            metrics.put("rows", spread.rows());
            metrics.put("distanceMeasure", measure);
            Map<String, Object> charts = new LinkedHashMap<>();
            charts.put("sizes", spread.sizes());
            ClusterProjection.of(assigned, ClusteringLearner.FEATURES, ClusteringLearner.CLUSTER, spread.rows())
                    .ifPresent(projection -> {
                        charts.put("projection", projection.points());
                        metrics.put("projectedVariance", projection.variance());
                    });
            centres(model).ifPresent(centres -> charts.put("centers", table(centres, model.slots())));
            ctx.output(REPORT, new ReportData(KIND, metrics, charts));
        } finally {
            assigned.unpersist();
        }
    }

    /** The centres the model holds, by cluster; empty for a model without centres. */
    private static Optional<List<Vector>> centres(ModelData model) {
        for (Transformer stage : model.pipeline().stages()) {
            List<Vector> centres = switch (stage) {
                case KMeansModel m -> List.of(m.clusterCenters());
                case BisectingKMeansModel m -> List.of(m.clusterCenters());
                case GaussianMixtureModel m -> Arrays.stream(m.gaussians()).map(MultivariateGaussian::mean)
                        .toList();
                default -> null;
            };
            if (centres != null) {
                return Optional.of(centres);
            }
        }
        return Optional.empty();
    }

    /** A TABLE chart: one row per cluster, one column per feature slot. */
    private static Map<String, Object> table(List<Vector> centres, List<String> slots) {
        List<String> columns = new ArrayList<>();
        columns.add("cluster");
        int width = centres.isEmpty() ? 0 : centres.getFirst().size();
        for (int i = 0; i < width; i++) {
            columns.add(i < slots.size() ? slots.get(i) : "slot " + i);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            List<Object> row = new ArrayList<>();
            row.add(c);
            for (double value : centres.get(c).toArray()) {
                row.add(value);
            }
            rows.add(row);
        }
        return Map.of("columns", columns, "rows", rows);
    }
}
