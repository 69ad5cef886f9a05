package io.easel.components.builtin.clustering;

import static io.easel.components.builtin.clustering.ClusterAgreement.purity;
import static io.easel.components.builtin.clustering.ClusterAgreement.silhouette;
import static io.easel.components.builtin.clustering.ClusterAgreement.trainOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.Port;
import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.junit.jupiter.api.Test;

class BisectingKMeansClusteringTest {

    @Test
    void shouldSplitIrisIntoClustersThatFollowTheSpecies() {
        TableData iris = TestRun.dataset("iris");

        ModelData model = trainOn("iris", "bisecting-k-means", Map.of("k", 3,
                "featureColumns", ClusteringLearner.IRIS_MEASUREMENTS));

        // reached: silhouette 0.72, purity 0.87
        assertThat(silhouette(model, iris.rows())).isGreaterThanOrEqualTo(0.5);
        assertThat(purity(model.score(iris.rows()), ClusteringLearner.CLUSTER, "species"))
                .isGreaterThanOrEqualTo(0.8);
        assertThat(model.stage(BisectingKMeansModel.class).orElseThrow().clusterCenters()).hasSize(3);
        assertThat(model.metrics()).containsEntry("clusters", 3).containsKey("trainingCost");
    }

    @Test
    void shouldDeclareItsModelUndeployable() {
        Port model = ((ClusteringLearner) TestRun.REGISTRY.byId("bisecting-k-means")).modelPort();

        assertThat(model.exportsPmml()).isFalse();
        assertThat(((ClusteringLearner) TestRun.REGISTRY.byId("k-means")).modelPort().exportsPmml()).isTrue();
    }
}
