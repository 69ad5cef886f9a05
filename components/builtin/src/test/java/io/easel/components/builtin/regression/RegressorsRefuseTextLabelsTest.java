package io.easel.components.builtin.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.testing.TestRun;
import io.easel.graph.GraphValidator;
import io.easel.graph.ValidationError;
import io.easel.graph.ValidationResult;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every regressor refuses a text label when the graph is validated, before anything runs. */
class RegressorsRefuseTextLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"linear-regression", "generalized-linear-regression", "decision-tree-regressor",
        "random-forest-regressor", "gbt-regressor", "isotonic-regression", "survival-regression", "fm-regressor"})
    void shouldRefuseATextLabelAtValidationSayingToUseAClassifier(String regressor) {
        ValidationResult validation = new GraphValidator(TestRun.REGISTRY.catalog()).validate(TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", "iris"))
                .node("learn", regressor, Map.of("labelColumn", "species"))
                .edge("data.out", "learn.in")
                .build());

        assertThat(validation.errorsOf("learn")).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ValidationError.Code.WRONG_COLUMN_TYPE);
            assertThat(error.param()).isEqualTo("labelColumn");
            assertThat(error.message()).contains("'species'").contains("use a classifier");
        });
    }
}
