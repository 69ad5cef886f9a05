package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.model.ModelFixture;
import java.io.ByteArrayInputStream;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.HasPMML;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.junit.jupiter.api.Test;

/** What the three exported credit models declare about their categories, read from their PMML. */
class ModelCategoriesTest {

    private static ModelCategories of(ModelFixture fixture) throws Exception {
        Evaluator evaluator = new LoadingModelEvaluatorBuilder()
                .load(new ByteArrayInputStream(fixture.resource("model.pmml"))).build();
        return ModelCategories.of(((HasPMML) evaluator).getPMML(), evaluator.getInputFields());
    }

    @Test
    void shouldFindTheUnknownCategoryOfAnInputIndexedDirectly() throws Exception {
        ModelCategories.Domain purpose = of(ModelFixture.CREDIT_GBDT).of("purpose").orElseThrow();

        assertThat(purpose.known()).contains("radio/tv", "new car").hasSize(10).doesNotContain("__unknown");
        assertThat(purpose.unknown()).isEqualTo("__unknown");
    }

    @Test
    void shouldFindTheUnknownCategoryOfAnInputFilledBeforeItIsIndexed() throws Exception {
        ModelCategories categories = of(ModelFixture.CREDIT_GBDT_FILLED);

        ModelCategories.Domain purpose = categories.of("purpose").orElseThrow();
        assertThat(purpose.known()).contains("radio/tv", "new car").hasSize(10);
        assertThat(purpose.unknown()).isEqualTo("__unknown");
        assertThat(categories.byInput()).hasSize(13).doesNotContainKeys("duration", "age", "credit_amount");
    }

    @Test
    void shouldSeeThatAStrictModelHasNoUnknownCategory() throws Exception {
        ModelCategories.Domain purpose = of(ModelFixture.CREDIT_GBDT_STRICT).of("purpose").orElseThrow();

        assertThat(purpose.known()).contains("radio/tv");
        assertThat(purpose.unknown()).isNull();
    }
}
