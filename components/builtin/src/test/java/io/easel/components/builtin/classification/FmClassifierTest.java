package io.easel.components.builtin.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.Port;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.apache.spark.ml.classification.FMClassificationModel;
import org.junit.jupiter.api.Test;

class FmClassifierTest {

    @Test
    void shouldClassifyHeldBackTumoursWithPairwiseFactors() {
        HeldOut cancer = HeldOut.of("breast_cancer", "fm-classifier", Map.of("labelColumn", "malignant",
                "factorSize", 4));

        assertThat(cancer.accuracy()).isGreaterThanOrEqualTo(0.85); // reached 0.93
        assertThat(cancer.auc()).isGreaterThanOrEqualTo(0.85); // reached 0.93
        FMClassificationModel model = cancer.model().stage(FMClassificationModel.class).orElseThrow();
        assertThat(model.factors().numCols()).isEqualTo(4);
        assertThat(cancer.model().metrics()).containsKeys("iterations", "objective", "intercept");
    }

    @Test
    void shouldDeclareItsModelNotExportable() {
        Port model = TestRun.REGISTRY.byId("fm-classifier").descriptor().outputs().getFirst();

        assertThat(model.exportsPmml()).isFalse();
    }

    @Test
    void shouldSendThreeClassesElsewhere() {
        assertThatThrownBy(() -> TestRun.execute("fm-classifier", Map.of("labelColumn", "species"),
                Map.of("in", TestRun.dataset("iris"))))
                .hasMessageContaining("3 classes").hasMessageContaining("use a multiclass classifier");
    }
}
