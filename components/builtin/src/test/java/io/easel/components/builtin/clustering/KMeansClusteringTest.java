package io.easel.components.builtin.clustering;

import static io.easel.components.builtin.clustering.ClusterAgreement.purity;
import static io.easel.components.builtin.clustering.ClusterAgreement.silhouette;
import static io.easel.components.builtin.clustering.ClusterAgreement.train;
import static io.easel.components.builtin.clustering.ClusterAgreement.trainOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.components.testing.TestSpark;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.clustering.KMeansModel;
import org.junit.jupiter.api.Test;

class KMeansClusteringTest {

    private static final Map<String, Object> IRIS_IN_THREE = Map.of("k", 3,
            "featureColumns", ClusteringLearner.IRIS_MEASUREMENTS);

    /** Three rows along each axis, of different lengths. */
    private static final TableData TWO_DIRECTIONS = Tables.of("x:double,y:double",
            new Object[] {1.0, 0.0}, new Object[] {10.0, 0.5}, new Object[] {3.0, 0.2},
            new Object[] {0.0, 1.0}, new Object[] {0.5, 10.0}, new Object[] {0.2, 3.0});

    @Test
    void shouldFindTheIrisSpeciesAsWellSeparatedClusters() {
        TableData iris = TestRun.dataset("iris");

        ModelData model = trainOn("iris", "k-means", IRIS_IN_THREE);

        // reached: silhouette 0.74, purity 0.89 (versicolor and virginica overlap a little)
        assertThat(silhouette(model, iris.rows())).isGreaterThanOrEqualTo(0.5);
        assertThat(purity(model.score(iris.rows()), ClusteringLearner.CLUSTER, "species"))
                .isGreaterThanOrEqualTo(0.8);
        assertThat(model.spec().label()).isNull();
        assertThat(model.spec().outputs()).containsExactly(ColumnSpec.of("cluster", DataType.INTEGER));
        assertThat(model.spec().features()).extracting(ColumnSpec::name)
                .containsExactlyElementsOf(ClusteringLearner.IRIS_MEASUREMENTS);
        assertThat(model.metrics()).containsEntry("clusters", 3).containsEntry("trainingRows", 150L)
                .containsKeys("trainingCost", "iterations");
    }

    @Test
    void shouldPlaceEachCentreAtTheWeightedMeanOfItsRows() {
        TableData table = Tables.of("x:double,w:double", new Object[] {0.0, 1.0}, new Object[] {1.0, 3.0},
                new Object[] {10.0, 1.0}, new Object[] {11.0, 1.0});

        double[] weighted = centres(train("k-means", table, Map.of("k", 2, "featureColumns", List.of("x"),
                "weightColumn", "w")));
        double[] unweighted = centres(train("k-means", table, Map.of("k", 2, "featureColumns", List.of("x"))));

        assertThat(weighted[0]).isCloseTo(0.75, within(1e-12)); // (0 * 1 + 1 * 3) / 4
        assertThat(unweighted[0]).isCloseTo(0.5, within(1e-12));
        assertThat(weighted[1]).isCloseTo(10.5, within(1e-12));
    }

    @Test
    void shouldGroupRowsByDirectionWithCosineDistance() {
        ModelData model = train("k-means", TWO_DIRECTIONS, Map.of("k", 2, "distanceMeasure", "cosine"));

        List<Integer> clusters = model.score(TWO_DIRECTIONS.rows()).collectAsList().stream()
                .map(r -> r.<Integer>getAs("cluster")).toList();

        assertThat(clusters.subList(0, 3)).containsOnly(clusters.get(0));
        assertThat(clusters.subList(3, 6)).containsOnly(clusters.get(3));
        assertThat(clusters.get(0)).isNotEqualTo(clusters.get(3));
    }

    @Test
    void shouldKeepTheBestOfSeveralRuns() {
        Map<String, Object> fromSeed7 = new HashMap<>(IRIS_IN_THREE);
        fromSeed7.put("seed", 7);
        Map<String, Object> threeRunsFromSeed7 = new HashMap<>(fromSeed7);
        threeRunsFromSeed7.put("runs", 3);

        double single = (Double) trainOn("iris", "k-means", fromSeed7).metrics().get("trainingCost");
        double best = (Double) trainOn("iris", "k-means", threeRunsFromSeed7).metrics().get("trainingCost");

        // from seed 7 k-means|| starts two centres in one species and stops at a cost of 142.8; a later seed finds 78.9
        assertThat(best).isLessThan(single * 0.7);
    }

    @Test
    void shouldTrainAgainWithOtherParams() {
        TableData iris = TestRun.dataset("iris");
        ModelData model = trainOn("iris", "k-means", IRIS_IN_THREE);

        ModelData again = model.trainer().train(TestSpark.session(), iris, Map.of("k", 5,
                "featureColumns", List.of("petal_length_cm", "petal_width_cm")));

        assertThat(model.trainer().componentId()).isEqualTo("k-means");
        assertThat(model.trainer().params()).isEqualTo(IRIS_IN_THREE);
        assertThat(again.stage(KMeansModel.class).orElseThrow().clusterCenters()).hasSize(5);
        assertThat(again.spec().features()).hasSize(2);
    }

    @Test
    void shouldExplainWhyItCannotCluster() {
        TableData withZeros = Tables.of("x:double,y:double", new Object[] {1.0, 0.0}, new Object[] {0.0, 0.0},
                new Object[] {0.0, 2.0});

        assertThatThrownBy(() -> train("k-means", withZeros, Map.of("k", 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("param 'k' asks for 4 clusters but there are only 3 training rows");
        assertThatThrownBy(() -> train("k-means", withZeros, Map.of("k", 2, "distanceMeasure", "cosine")))
                .hasMessageContaining("1 training rows have 0 in every feature")
                .hasMessageContaining("euclidean distance");
        assertThatThrownBy(() -> train("k-means", withZeros, Map.of("k", 1)))
                .hasMessageContaining("'k'");
    }

    /** The model's centres along its one feature, smallest first. */
    private static double[] centres(ModelData model) {
        return Arrays.stream(model.stage(KMeansModel.class).orElseThrow().clusterCenters())
                .mapToDouble(v -> v.apply(0)).sorted().toArray();
    }
}
