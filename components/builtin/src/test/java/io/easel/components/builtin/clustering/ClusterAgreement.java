package io.easel.components.builtin.clustering;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** How well clusters agree with known classes, and how well they are separated, for the tests of clustering. */
final class ClusterAgreement {

    private ClusterAgreement() {}

    /**
     * Trains a clustering component on a bundled dataset, as a node of a graph: a model trained with the same params
     * earlier in this JVM (by another test or an example) is reused.
     */
    static ModelData trainOn(String dataset, String componentId, Map<String, Object> params) {
        return TestRun.of(TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", dataset))
                .node("learner", componentId, params)
                .edge("data.out", "learner.in")
                .build()).model("learner", "model");
    }

    /** Trains a clustering component on {@code data}. */
    static ModelData train(String componentId, TableData data, Map<String, Object> params) {
        return (ModelData) TestRun.execute(componentId, params, Map.of("in", data)).get("model");
    }

    /**
     * The share of rows whose class is the most common one of their cluster: 1 when every cluster holds one class,
     * about the share of the largest class when clusters ignore the classes.
     */
    static double purity(Dataset<Row> clustered, String cluster, String truth) {
        Dataset<Row> counts = clustered.groupBy(col(cluster), col(truth)).count();
        Row totals = counts.groupBy(col(cluster)).agg(max(col("count")).as("top"), sum(col("count")).as("all"))
                .agg(sum(col("top")), sum(col("all"))).first();
        return (double) totals.getLong(0) / totals.getLong(1);
    }

    /** The squared euclidean silhouette of the model's clusters of {@code rows}, as Spark computes it. */
    static double silhouette(ModelData model, Dataset<Row> rows) {
        return new ClusteringEvaluator().setFeaturesCol(ClusteringLearner.FEATURES)
                .setPredictionCol(ClusteringLearner.CLUSTER)
                .evaluate(ClusteringLearner.assignWithFeatures("test", model, rows));
    }
}
