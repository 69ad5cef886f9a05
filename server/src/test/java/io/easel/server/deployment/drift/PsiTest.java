package io.easel.server.deployment.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.run.TrainingProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PSI on bins made by hand, and served values put into the bins a training profile defines. */
class PsiTest {

    @Test
    void shouldComputeThePsiOfHandMadeBins() {
        // (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5) = 0.173287 + 0.101366
        assertThat(Psi.of(new double[] {0.5, 0.5}, new double[] {0.25, 0.75})).isCloseTo(0.274653, within(1e-6));
        assertThat(Psi.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5})).isZero();
    }

    @Test
    void shouldCountAnEmptyBinAsATinyShare() {
        // The third bin: (0.1 − 0.0001)·ln(0.1/0.0001) = 0.690085; the second: (0.4 − 0.5)·ln(0.4/0.5) = 0.022314
        assertThat(Psi.of(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.4, 0.1})).isCloseTo(0.712399,
                within(1e-6));
        assertThat(Psi.of(new double[] {1, 0}, new double[] {1, 0})).isZero();
    }

    @Test
    void shouldRefuseBinsThatDoNotMatch() {
        assertThatThrownBy(() -> Psi.of(new double[] {1}, new double[] {0.5, 0.5}))
                .hasMessage("Expected 1 bins, but the served shares have 2");
    }

    @Test
    void shouldBinNumbersBelowBetweenAndFromTheEdgesAsTheEngineDoes() {
        FeatureBins age = new FeatureBins(new TrainingProfile.Feature("age", TrainingProfile.Kind.NUMERIC,
                List.of(25.0, 33.0, 45.5), List.of(), List.of(0.2, 0.3, 0.3, 0.2, 0.0)));

        assertThat(List.of(19, 25, 32.9, 33, 45.5, 80, "40")).extracting(age::binOf)
                .containsExactly(0, 1, 1, 2, 3, 3, 2);
        assertThat(List.of(Double.NaN, "not a number")).extracting(age::binOf).containsOnly(4);
        assertThat(age.binOf(null)).isEqualTo(4);
        assertThat(List.of(0, 1, 2, 3, 4)).extracting(age::label)
                .containsExactly("< 25", "25 – 33", "33 – 45.50", "≥ 45.50", "missing");
    }

    @Test
    void shouldBinCategoriesAsTextWithAnOtherBin() {
        FeatureBins housing = new FeatureBins(new TrainingProfile.Feature("housing",
                TrainingProfile.Kind.CATEGORICAL, List.of(), List.of("own", "rent", "true"),
                List.of(0.6, 0.2, 0.1, 0.1, 0.0)));

        assertThat(List.of("own", "rent", true, "for free")).extracting(housing::binOf).containsExactly(0, 1, 2, 3);
        assertThat(housing.binOf(null)).isEqualTo(4);
        assertThat(Map.of(3, housing.label(3), 4, housing.label(4))).containsEntry(3, "other").containsEntry(4,
                "missing");
    }
}
