package io.easel.components.builtin.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;

import io.easel.component.ColumnSpec;
import io.easel.components.spi.ModelData;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class LinearSvmTest {

    private static final Map<String, Object> CANCER = Map.of("labelColumn", "malignant", "regParam", 0.01,
            "maxIter", 50);

    @Test
    void shouldSeparateHeldBackTumoursWithAMarginScoreAndNoProbabilities() {
        HeldOut cancer = HeldOut.of("breast_cancer", "linear-svm", CANCER);

        assertThat(cancer.accuracy()).isGreaterThanOrEqualTo(0.92); // reached 0.98
        assertThat(cancer.auc()).isGreaterThanOrEqualTo(0.95); // reached 0.997
        assertThat(cancer.model().spec().outputs()).extracting(ColumnSpec::name)
                .containsExactly(ModelData.PREDICTION, ModelData.SCORE);
        assertThat(cancer.model().metrics()).containsKeys("iterations", "objective");
        // the score is the margin: positive exactly where the positive class (1, malignant) is predicted
        for (Row row : cancer.scored().rows().collectAsList()) {
            assertThat(row.<Double>getAs(ModelData.SCORE) > 0).isEqualTo(row.<Integer>getAs(ModelData.PREDICTION) == 1);
        }
    }

    @Test
    void shouldPredictThePositiveClassLessOftenAboveAHigherThreshold() {
        HeldOut usual = HeldOut.of("breast_cancer", "linear-svm", CANCER);
        Map<String, Object> strict = new java.util.HashMap<>(CANCER);
        strict.put("threshold", 1.0);
        HeldOut demanding = HeldOut.of("breast_cancer", "linear-svm", strict);

        assertThat(demanding.model().stage(LinearSVCModel.class).orElseThrow().getThreshold()).isEqualTo(1.0);
        assertThat(positives(demanding)).isLessThan(positives(usual));
    }

    @Test
    void shouldSendThreeClassesToOneVsRest() {
        assertThatThrownBy(() -> TestRun.execute("linear-svm", Map.of("labelColumn", "species"),
                Map.of("in", TestRun.dataset("iris"))))
                .hasMessageContaining("linear-svm").hasMessageContaining("3 classes")
                .hasMessageContaining("one-vs-rest");
    }

    private static long positives(HeldOut heldOut) {
        return heldOut.scored().rows().filter(col(ModelData.PREDICTION).equalTo(1)).count();
    }
}
