package io.easel.components.builtin.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import java.util.Map;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.junit.jupiter.api.Test;

class RegressionForestTest {

    @Test
    void shouldExplainMoreThanAThirdOfTheHeldBackProgression() {
        ModelData model = HeldBackDiabetes.model("random-forest-regressor", Map.of());

        // reached 0.406 with the defaults (20 trees of depth 5)
        assertThat(HeldBackDiabetes.r2(model)).isGreaterThan(0.35);
        assertThat(model.metrics()).containsEntry("trees", 20);
    }

    @Test
    void shouldHandSparkTheShareOfFeaturesTriedPerSplit() {
        ModelData model = HeldBackDiabetes.model("random-forest-regressor", Map.of("numTrees", 3,
                "featureSubsetStrategy", "fraction", "featureSubsetFraction", 0.3, "bootstrap", false));

        RandomForestRegressionModel forest = model.stage(RandomForestRegressionModel.class).orElseThrow();
        assertThat(forest.getFeatureSubsetStrategy()).isEqualTo("0.3");
        assertThat(forest.getBootstrap()).isFalse();
        assertThat(forest.getNumTrees()).isEqualTo(3);
        assertThat(forest.getSeed()).isEqualTo(42L);
    }
}
