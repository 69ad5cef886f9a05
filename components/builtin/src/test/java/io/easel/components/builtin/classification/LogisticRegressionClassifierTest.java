package io.easel.components.builtin.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vector;
import org.junit.jupiter.api.Test;

class LogisticRegressionClassifierTest {

    @Test
    void shouldTellIrisSpeciesApartOnHeldBackRowsWithAMultinomialModel() {
        HeldOut iris = HeldOut.of("iris", "logistic-regression", Map.of("labelColumn", "species",
                "family", "multinomial"));

        assertThat(iris.accuracy()).isGreaterThanOrEqualTo(0.9); // reached 1.0 (50 held-back rows)
        LogisticRegressionModel model = iris.model().stage(LogisticRegressionModel.class).orElseThrow();
        assertThat(model.coefficientMatrix().numRows()).isEqualTo(3);
        assertThat(iris.model().metrics()).containsKeys("iterations", "objective").containsEntry("classes", 3);
        Vector probabilities = iris.scored().rows().first().getAs(ModelData.PROBABILITY);
        assertThat(probabilities.size()).isEqualTo(3);
    }

    @Test
    void shouldRankCreditRisksWithAnElasticNetThatZeroesSomeCoefficients() {
        HeldOut credit = HeldOut.of("credit_g", "logistic-regression", Map.of("labelColumn", "class",
                "regParam", 0.02, "elasticNetParam", 1.0, "maxIter", 50));

        assertThat(credit.auc()).isGreaterThanOrEqualTo(0.72); // reached 0.765
        Vector coefficients = credit.model().stage(LogisticRegressionModel.class).orElseThrow().coefficients();
        assertThat(coefficients.size()).isEqualTo(credit.model().slots().size());
        assertThat(coefficients.numNonzeros()).isLessThan(coefficients.size());
    }

    @Test
    void shouldRefuseAFamilyThatDoesNotFitTheNumberOfClasses() {
        TableData iris = TestRun.dataset("iris");
        TableData cancer = TestRun.dataset("breast_cancer");

        assertThatThrownBy(() -> train(iris, Map.of("labelColumn", "species", "family", "binomial")))
                .hasMessageContaining("'family' is binomial").hasMessageContaining("3 classes")
                .hasMessageContaining("choose multinomial");
        assertThatThrownBy(() -> train(cancer, Map.of("labelColumn", "malignant", "family", "multinomial")))
                .hasMessageContaining("'family' is multinomial").hasMessageContaining("choose binomial");
    }

    private static ModelData train(TableData in, Map<String, Object> params) {
        return (ModelData) TestRun.execute("logistic-regression", params, Map.of("in", in)).get("model");
    }
}
