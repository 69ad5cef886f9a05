package io.easel.components.builtin.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.junit.jupiter.api.Test;

class RandomForestClassifierTest {

    @Test
    void shouldRankHeldBackCreditRisksBetterThanChance() {
        HeldOut credit = HeldOut.of("credit_g", "random-forest-classifier", Map.of("labelColumn", "class",
                "numTrees", 30, "featureSubsetStrategy", "sqrt"));

        assertThat(credit.auc()).isGreaterThanOrEqualTo(0.7); // reached 0.73
        assertThat(credit.accuracy()).isGreaterThanOrEqualTo(0.68); // reached 0.73; 70% are good risks
        RandomForestClassificationModel forest = credit.model().stage(RandomForestClassificationModel.class)
                .orElseThrow();
        assertThat(forest.getNumTrees()).isEqualTo(30);
        assertThat(credit.model().metrics()).containsEntry("trees", 30).containsEntry("nodes",
                forest.totalNumNodes());
    }

    @Test
    void shouldClassifyHeldBackIrisWithoutBootstrap() {
        HeldOut iris = HeldOut.of("iris", "random-forest-classifier", Map.of("labelColumn", "species",
                "bootstrap", false, "subsamplingRate", 0.8));

        assertThat(iris.accuracy()).isGreaterThanOrEqualTo(0.9); // reached 0.96
        RandomForestClassificationModel forest = iris.model().stage(RandomForestClassificationModel.class)
                .orElseThrow();
        assertThat(forest.getBootstrap()).isFalse();
        assertThat(forest.getSubsamplingRate()).isEqualTo(0.8);
    }
}
