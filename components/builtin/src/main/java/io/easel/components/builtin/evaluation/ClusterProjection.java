package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A clustering drawn on a plane: a repeatable sample of at most {@value #MAX_POINTS} rows projected on the first two
 * principal components of their features, each point with its cluster. The components are fitted on the sample alone
 * (the plane only has to show the sample's shape), in the model's own feature space, unscaled, as the clustering
 * measured its distances.
 *
 * @param points {@code [x, y, cluster]} per sampled row
 * @param variance the share of the sample's variance the two components show, from 0 to 1
 */
record ClusterProjection(List<List<Object>> points, double variance) {

    static final int MAX_POINTS = 2000;
    private static final long SAMPLE_SEED = 23;
    private static final String PROJECTED = "_projected";

    /**
     * @param assigned rows with a vector column {@code features} and an integer column {@code cluster}
     * @param rows how many rows {@code assigned} holds
     * @return empty when the features have fewer than two dimensions, or the sample does not vary
     */
    static Optional<ClusterProjection> of(Dataset<Row> assigned, String features, String cluster, long rows) {
        Dataset<Row> picked = assigned.select(col(features), col(cluster));
        List<Row> sample = (rows <= MAX_POINTS ? picked
                : picked.sample(false, Math.min(1.0, 1.1 * MAX_POINTS / rows), SAMPLE_SEED).limit(MAX_POINTS))
                .collectAsList();
        if (sample.size() < 2 || sample.getFirst().<Vector>getAs(0).size() < 2) {
            return Optional.empty();
        }
        // Fitted and applied to the rows already collected, so the sample is drawn once.
        Dataset<Row> local = assigned.sparkSession().createDataFrame(sample, picked.schema());
        PCAModel pca = new PCA().setK(2).setInputCol(features).setOutputCol(PROJECTED).fit(local);
        double variance = Arrays.stream(pca.explainedVariance().toArray()).sum();
        if (!(variance > 0)) {
            return Optional.empty();
        }
        List<List<Object>> points = new ArrayList<>();
        for (Row row : pca.transform(local).select(col(PROJECTED), col(cluster)).collectAsList()) {
            double[] xy = row.<Vector>getAs(0).toArray();
            points.add(List.of(xy[0], xy[1], row.getInt(1)));
        }
        return Optional.of(new ClusterProjection(points, variance));
    }
}
