package io.easel.components.builtin.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactorizationMachinesRegressorTest {

    @Test
    void shouldPredictHeldBackProgressionOnTheLabelsOwnScaleWithTheDefaults() {
        ModelData model = HeldBackDiabetes.model("fm-regressor", Map.of());

        // reached 0.33 with Spark's defaults (0.47 at step size 0.1); fitted on raw features and labels, as Spark
        // does, the same defaults gave R² -75000
        assertThat(HeldBackDiabetes.r2(model)).isGreaterThan(0.25);
        assertThat((Double) model.metrics().get("intercept")).as("near the mean progression").isBetween(100.0, 200.0);
        assertThat(TestRun.REGISTRY.byId("fm-regressor").descriptor().outputs().getFirst().exportsPmml()).isFalse();
    }
}
