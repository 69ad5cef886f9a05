package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * How rows spread around the means of their clusters, in euclidean distance: the sizes, and the two indices that
 * compare the spread within clusters to the distance between them. Two passes over the rows (the means, then the
 * distances to them); only one value per cluster comes back to the driver.
 *
 * @param sizes rows per cluster, by cluster number as text, in cluster order
 * @param means each cluster's mean, in the same order
 * @param within each cluster's sum of squared distances of its rows to its mean
 * @param meanDistance each cluster's mean distance of its rows to its mean
 */
record ClusterSpread(Map<String, Long> sizes, List<Vector> means, List<Double> within, List<Double> meanDistance) {

    /** @param assigned rows with a vector column {@code features} and an integer column {@code cluster} */
    static ClusterSpread of(Dataset<Row> assigned, String features, String cluster) {
        List<Row> perCluster = assigned.groupBy(col(cluster))
                .agg(Summarizer.mean(col(features)).as("mean"), count(lit(1)).as("rows"))
                .orderBy(col(cluster))
                .collectAsList();
        Map<String, Long> sizes = new LinkedHashMap<>();
        HashMap<Integer, Vector> meansByCluster = new HashMap<>();
        for (Row row : perCluster) {
            sizes.put(String.valueOf(row.getInt(0)), row.getLong(2));
            meansByCluster.put(row.getInt(0), row.getAs(1));
        }
        Map<Integer, double[]> distances = assigned.select(col(features), col(cluster)).javaRDD()
                .mapToPair(row -> {
                    double squared = Vectors.sqdist(row.getAs(0), meansByCluster.get(row.getInt(1)));
                    return new Tuple2<>(row.getInt(1), new double[] {squared, Math.sqrt(squared)});
                })
                .reduceByKey((a, b) -> new double[] {a[0] + b[0], a[1] + b[1]})
                .collectAsMap();
        List<Integer> order = perCluster.stream().map(r -> r.getInt(0)).toList();
        return new ClusterSpread(sizes, order.stream().map(meansByCluster::get).toList(),
                order.stream().map(c -> distances.get(c)[0]).toList(),
                order.stream().map(c -> distances.get(c)[1] / sizes.get(String.valueOf(c))).toList());
    }

    long rows() {
        return sizes.values().stream().mapToLong(Long::longValue).sum();
    }

    int clusters() {
        return sizes.size();
    }

    /**
     * Between-cluster over within-cluster dispersion, each per degree of freedom; higher is better. Undefined with
     * as many clusters as rows, or when every row sits on its cluster's mean.
     */
    Optional<Double> calinskiHarabasz() {
        long n = rows();
        int k = clusters();
        double withinTotal = within.stream().mapToDouble(Double::doubleValue).sum();
        if (n <= k || withinTotal == 0) {
            return Optional.empty();
        }
        double[] overall = new double[means.getFirst().size()];
        List<Long> counts = List.copyOf(sizes.values());
        for (int c = 0; c < k; c++) {
            double[] mean = means.get(c).toArray();
            for (int i = 0; i < overall.length; i++) {
                overall[i] += mean[i] * counts.get(c) / n;
            }
        }
        double between = 0;
        for (int c = 0; c < k; c++) {
            between += counts.get(c) * Vectors.sqdist(means.get(c), Vectors.dense(overall));
        }
        return Optional.of(between / (k - 1) / (withinTotal / (n - k)));
    }

    /**
     * The mean, over clusters, of the worst ratio of two clusters' spread to the distance between their means; lower
     * is better. Undefined when two clusters have the same mean.
     */
    Optional<Double> daviesBouldin() {
        int k = clusters();
        double total = 0;
        for (int i = 0; i < k; i++) {
            double worst = 0;
            for (int j = 0; j < k; j++) {
                if (i == j) {
                    continue;
                }
                double separation = Math.sqrt(Vectors.sqdist(means.get(i), means.get(j)));
                if (separation == 0) {
                    return Optional.empty();
                }
                worst = Math.max(worst, (meanDistance.get(i) + meanDistance.get(j)) / separation);
            }
            total += worst;
        }
        return Optional.of(total / k);
    }
}
