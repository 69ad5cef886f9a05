package io.easel.components.builtin.clustering;

import static io.easel.components.builtin.clustering.ClusterAgreement.purity;
import static io.easel.components.builtin.clustering.ClusterAgreement.silhouette;
import static io.easel.components.builtin.clustering.ClusterAgreement.trainOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class GaussianMixtureClusteringTest {

    private static final Map<String, Object> IRIS_IN_THREE = Map.of("k", 3,
            "featureColumns", ClusteringLearner.IRIS_MEASUREMENTS);

    @Test
    void shouldModelIrisAsAMixtureThatFollowsTheSpecies() {
        TableData iris = TestRun.dataset("iris");

        ModelData model = trainOn("iris", "gaussian-mixture", IRIS_IN_THREE);

        // reached in one run from the default seed, a local optimum (log-likelihood -189.5): purity 0.80,
        // silhouette 0.43
        assertThat(purity(model.score(iris.rows()), ClusteringLearner.CLUSTER, "species"))
                .isGreaterThanOrEqualTo(0.75);
        assertThat(silhouette(model, iris.rows())).isGreaterThanOrEqualTo(0.35);
        assertThat(model.metrics()).containsEntry("clusters", 3).containsKey("logLikelihood");
    }

    @Test
    void shouldKeepTheMostLikelyOfSeveralRuns() {
        TableData iris = TestRun.dataset("iris");
        Map<String, Object> fiveRuns = new HashMap<>(IRIS_IN_THREE);
        fiveRuns.put("runs", 5);

        ModelData single = trainOn("iris", "gaussian-mixture", IRIS_IN_THREE);
        ModelData best = trainOn("iris", "gaussian-mixture", fiveRuns);

        // the best of five finds log-likelihood -180.2 (purity 0.97), well above one run's -189.5
        assertThat((Double) best.metrics().get("logLikelihood"))
                .isGreaterThan((Double) single.metrics().get("logLikelihood") + 1);
        assertThat(purity(best.score(iris.rows()), ClusteringLearner.CLUSTER, "species"))
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void shouldGiveEachRowAProbabilityPerClusterAndTheMostLikelyCluster() {
        TableData iris = TestRun.dataset("iris");
        ModelData model = trainOn("iris", "gaussian-mixture", IRIS_IN_THREE);

        assertThat(model.spec().outputs()).containsExactly(ColumnSpec.of("cluster", DataType.INTEGER),
                ColumnSpec.of("probability", DataType.VECTOR));
        for (Row row : model.score(iris.rows()).collectAsList()) {
            Vector probability = row.getAs("probability");
            assertThat(probability.size()).isEqualTo(3);
            assertThat(Arrays.stream(probability.toArray()).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(row.<Integer>getAs("cluster")).isEqualTo(probability.argmax());
        }
    }

    @Test
    void shouldRefuseFeaturesWiderThanItsLimitBeforeFittingNamingTheWidth() {
        // every column of credit_g, its 14 text columns one-hot: 77 slots, each cluster a 77 × 77 covariance
        assertThatThrownBy(() -> trainOn("credit_g", "gaussian-mixture", Map.of("k", 2)))
                .hasMessageContaining("Node 'learner' failed: gaussian-mixture: the features make a vector of 77 "
                        + "slots")
                .hasMessageContaining("more than the " + GaussianMixtureClustering.MOST_SLOTS);
    }
}
