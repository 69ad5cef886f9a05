package io.easel.components.builtin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.junit.jupiter.api.Test;

class ClusteringEvaluationTest {

    /** Two clusters on one axis: {0, 2} around 1 and {10, 12} around 11. */
    private static final TableData TWO_PAIRS = Tables.of("x:double", new Object[] {0.0}, new Object[] {2.0},
            new Object[] {10.0}, new Object[] {12.0});

    @Test
    void shouldComputeEveryIndexOnAHandCheckedExample() {
        ModelData model = kMeans(TWO_PAIRS, Map.of("k", 2));

        ReportData report = evaluate(model, TWO_PAIRS, Map.of());

        Map<String, Object> m = report.metrics();
        // squared distances: 4 to the other row of the same pair; 100 and 144 (or 64 and 100) to the far pair
        double silhouette = ((1 - 4.0 / 122) + (1 - 4.0 / 82)) / 2;
        assertThat((Double) m.get("silhouette")).isCloseTo(silhouette, within(1e-9));
        // between: 2 * 5^2 + 2 * 5^2 = 100 over 1 degree of freedom; within: 4 * 1^2 = 4 over 2
        assertThat((Double) m.get("calinskiHarabasz")).isCloseTo(50.0, within(1e-9));
        // each pair spreads 1 around its mean, the means are 10 apart
        assertThat((Double) m.get("daviesBouldin")).isCloseTo(0.2, within(1e-9));
        assertThat(m).containsEntry("clusters", 2).containsEntry("rows", 4L)
                .containsEntry("distanceMeasure", "squaredEuclidean");
        assertThat(report.charts().get("sizes")).isEqualTo(Map.of("0", 2L, "1", 2L));
        assertThat(report.charts()).as("one feature has no plane to draw").doesNotContainKey("projection");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportHowWellKMeansSeparatesIrisWithItsCentres() {
        TestRun run = TestRun.example("clustering-evaluation", 0);
        ReportData report = run.report(ExampleGraph.NODE, "report");
        ModelData model = run.model(run.nodeOf("k-means"), "model");
        TableData iris = TestRun.dataset("iris");

        double spark = new ClusteringEvaluator().setFeaturesCol(ClusteringLearner.FEATURES)
                .setPredictionCol(ClusteringLearner.CLUSTER)
                .evaluate(model.pipeline().transform(iris.rows()));
        // reached: 0.74; the floor for k-means on iris is 0.5
        assertThat((Double) report.metrics().get("silhouette")).isGreaterThanOrEqualTo(0.5)
                .isCloseTo(spark, within(1e-12));
        Map<String, Long> sizes = (Map<String, Long>) report.charts().get("sizes");
        assertThat(sizes).containsOnlyKeys("0", "1", "2");
        assertThat(sizes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(150);
        Map<String, List<Object>> centres = (Map<String, List<Object>>) report.charts().get("centers");
        assertThat(centres.get("columns")).containsExactly("cluster", "sepal_length_cm", "sepal_width_cm",
                "petal_length_cm", "petal_width_cm");
        assertThat(centres.get("rows")).hasSize(3).allSatisfy(row -> assertThat((List<?>) row).hasSize(5));
        assertThat((Double) report.metrics().get("daviesBouldin")).isBetween(0.0, 1.0);

        List<List<Object>> projection = (List<List<Object>>) report.charts().get("projection");
        assertThat(projection).hasSize(150).allSatisfy(point -> assertThat(point).hasSize(3));
        for (Map.Entry<String, Long> size : sizes.entrySet()) {
            assertThat(projection.stream().filter(p -> String.valueOf(p.get(2)).equals(size.getKey())).count())
                    .as("cluster %s", size.getKey()).isEqualTo(size.getValue());
        }
        // iris's measurements lie close to a plane: two components hold 0.98 of their variance
        assertThat((Double) report.metrics().get("projectedVariance")).isBetween(0.95, 1.0);
        assertThat(spread(projection, 0)).as("the first component spreads the rows most")
                .isGreaterThan(spread(projection, 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDrawASampleOfAtMostTwoThousandRowsOnThePlane() {
        Object[][] rows = new Object[2600][];
        for (int i = 0; i < rows.length; i++) {
            double blob = i % 2 == 0 ? 0 : 10;
            rows[i] = new Object[] {blob + (i % 7) * 0.1, blob + (i % 11) * 0.1, (i % 13) * 0.1};
        }
        TableData twoBlobs = Tables.of("a:double,b:double,c:double", rows);

        ReportData report = evaluate(kMeans(twoBlobs, Map.of("k", 2, "maxIter", 5)), twoBlobs, Map.of());

        List<List<Object>> projection = (List<List<Object>>) report.charts().get("projection");
        assertThat(projection).hasSizeBetween(1500, ClusterProjection.MAX_POINTS);
        assertThat(projection).extracting(p -> p.get(2)).containsOnly(0, 1);
        assertThat(projection).extracting(p -> (Integer) p.get(2)).filteredOn(c -> c == 0)
                .hasSizeBetween(projection.size() / 3, 2 * projection.size() / 3);
    }

    private static double spread(List<List<Object>> points, int axis) {
        double[] values = points.stream().mapToDouble(p -> (Double) p.get(axis)).toArray();
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        return java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    }

    @Test
    void shouldMeasureTheSilhouetteByCosineWhenAsked() {
        TableData twoDirections = Tables.of("x:double,y:double", new Object[] {1.0, 0.0}, new Object[] {10.0, 0.5},
                new Object[] {0.0, 1.0}, new Object[] {0.5, 10.0});
        ModelData model = kMeans(twoDirections, Map.of("k", 2, "distanceMeasure", "cosine"));

        double cosine = (Double) evaluate(model, twoDirections, Map.of("distanceMeasure", "cosine")).metrics()
                .get("silhouette");
        double euclidean = (Double) evaluate(model, twoDirections, Map.of()).metrics().get("silhouette");

        // by direction the two clusters are tight; by position each holds a short and a long row
        assertThat(cosine).isGreaterThan(0.9);
        assertThat(euclidean).isLessThan(0.5);
    }

    @Test
    void shouldExplainWhatItCannotEvaluate() {
        ModelData model = kMeans(TWO_PAIRS, Map.of("k", 2));
        TableData onePair = Tables.of("x:double", new Object[] {0.0}, new Object[] {1.0});
        TableData labelled = Tables.of("x:double,y:string", new Object[] {0.0, "a"}, new Object[] {2.0, "a"},
                new Object[] {10.0, "b"}, new Object[] {12.0, "b"});
        ModelData gbdt = (ModelData) TestRun.execute("gbdt-classifier", Map.of("labelColumn", "y", "maxIter", 1),
                Map.of("in", labelled)).get("model");

        assertThatThrownBy(() -> evaluate(model, onePair, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all 2 rows fall in one cluster");
        assertThatThrownBy(() -> evaluate(gbdt, TWO_PAIRS, Map.of()))
                .hasMessageContaining("clustering-evaluation: the model from 'gbdt-classifier' assigns no clusters")
                .hasMessageContaining("k-means");
        assertThatThrownBy(() -> evaluate(model, Tables.of("y:double", new Object[] {1.0}), Map.of()))
                .hasMessageContaining("the model reads column 'x'");
    }

    private static ModelData kMeans(TableData data, Map<String, Object> params) {
        return (ModelData) TestRun.execute("k-means", params, Map.of("in", data)).get("model");
    }

    private static ReportData evaluate(ModelData model, TableData data, Map<String, Object> params) {
        return (ReportData) TestRun.execute("clustering-evaluation", params, Map.of("model", model, "in", data))
                .get("report");
    }
}
