package io.easel.components.builtin.regression;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ParamDef;
import io.easel.component.ParamProblem;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class GeneralizedLinearRegressorTest {

    private static final List<String> MEASUREMENTS = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5",
            "s6");

    @Test
    void shouldFitWhatLinearRegressionFitsWithTheGaussianFamilyAndIdentityLink() {
        GeneralizedLinearRegressionModel glm = HeldBackDiabetes.model("generalized-linear-regression", Map.of())
                .stage(GeneralizedLinearRegressionModel.class).orElseThrow();
        LinearRegressionModel ols = HeldBackDiabetes.model("linear-regression", Map.of())
                .stage(LinearRegressionModel.class).orElseThrow();

        assertThat(glm.intercept()).isCloseTo(ols.intercept(), within(1e-6 * Math.abs(ols.intercept())));
        for (int i = 0; i < ols.coefficients().size(); i++) {
            assertThat(glm.coefficients().apply(i)).as("coefficient " + i)
                    .isCloseTo(ols.coefficients().apply(i), within(1e-6 * Math.abs(ols.coefficients().apply(i))));
        }
    }

    @Test
    void shouldPredictPositiveMeansThroughTheLogLinkOfThePoissonFamily() {
        ModelData model = HeldBackDiabetes.model("generalized-linear-regression", Map.of("family", "poisson",
                "linkPredictionOutput", true));

        // reached 0.469, a little above linear regression's 0.458
        assertThat(HeldBackDiabetes.r2(model)).isGreaterThan(0.35);
        assertThat(model.spec().outputs()).extracting(ColumnSpec::name).containsExactly("prediction",
                "linkPrediction");
        for (Row row : HeldBackDiabetes.scored(model).collectAsList()) {
            double prediction = row.getAs("prediction");
            assertThat(prediction).isPositive().isCloseTo(Math.exp(row.getAs("linkPrediction")),
                    within(1e-9 * prediction));
        }
        assertThat(model.metrics()).containsKeys("deviance", "nullDeviance", "aic", "iterations");
        assertThat((Double) model.metrics().get("deviance")).isLessThan((Double) model.metrics().get("nullDeviance"));
    }

    @Test
    void shouldOfferEachFamilyOnlyTheLinksSparkFitsItWith() {
        ComponentDescriptor glm = TestRun.REGISTRY.byId("generalized-linear-regression").descriptor();

        assertThat(glm.param("binomialLink").orElseThrow().choices()).extracting(ParamDef.Choice::value)
                .containsExactly("logit", "probit", "cloglog");
        assertThat(glm.param("poissonLink").orElseThrow().visibleWhen())
                .isEqualTo(new ParamDef.VisibleWhen("family", List.of("poisson")));
        assertThat(glm.bind(Map.of("family", "poisson", "poissonLink", "logit"), Map.of()).problems())
                .extracting(ParamProblem::message)
                .contains("param 'poissonLink': 'logit' is not one of [log, identity, sqrt]");
        assertThat(glm.bind(Map.of("family", "gamma", "poissonLink", "logit"), Map.of()).problems())
                .extracting(ParamProblem::param).as("a hidden param's value is not used, so not checked")
                .doesNotContain("poissonLink");
    }

    @Test
    void shouldRefuseLabelsOutsideTheFamilysRangeSayingWhatToDo() {
        TableData table = Tables.of("x:double,y:double", new Object[] {1.0, 2.0}, new Object[] {2.0, -1.0},
                new Object[] {3.0, 4.0});

        assertThatThrownBy(() -> train(table, Map.of("labelColumn", "y", "family", "poisson")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generalized-linear-regression: the poisson family needs labels ≥ 0, but label column 'y' "
                        + "has 1 other value (its values range from -1.0 to 4.0); choose another family, or "
                        + "transform the label");
        assertThatThrownBy(() -> train(table, Map.of("labelColumn", "y", "family", "binomial")))
                .hasMessageContaining("binomial family needs labels from 0 to 1")
                .hasMessageContaining("3 other values");
    }

    @Test
    void shouldAddTheOffsetInTrainingOnlyAndPredictForAnOffsetOfZero() {
        // the offset enters the linear predictor with coefficient 1: fitting y with offset o is fitting y − o
        TableData withOffset = HeldBackDiabetes.train().withRows(HeldBackDiabetes.train().rows()
                .withColumn("baseline", col("s5").multiply(20)));
        TableData reduced = withOffset.withRows(withOffset.rows()
                .withColumn("excess", col("progression").minus(col("baseline"))));

        ModelData offset = train(withOffset, Map.of("labelColumn", "progression", "offsetColumn", "baseline"));
        ModelData shifted = train(reduced, Map.of("labelColumn", "excess", "featureColumns", MEASUREMENTS));

        assertThat(offset.spec().features()).extracting(ColumnSpec::name).containsExactlyElementsOf(MEASUREMENTS);
        List<Row> offsetPredictions = offset.score(HeldBackDiabetes.test().rows()).collectAsList();
        List<Row> shiftedPredictions = shifted.score(HeldBackDiabetes.test().rows()).collectAsList();
        for (int i = 0; i < offsetPredictions.size(); i++) {
            double expected = shiftedPredictions.get(i).getAs("prediction");
            assertThat(offsetPredictions.get(i).<Double>getAs("prediction")).isCloseTo(expected,
                    within(1e-6 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void shouldRefuseMissingOffsetsNamingTheColumn() {
        TableData table = Tables.of("x:double,exposure:double,y:double", new Object[] {1.0, 0.5, 2.0},
                new Object[] {2.0, null, 3.0}, new Object[] {3.0, 1.0, 4.0});

        assertThatThrownBy(() -> train(table, Map.of("labelColumn", "y", "offsetColumn", "exposure")))
                .hasMessageContaining("column 'exposure' (param 'offsetColumn') has 1 missing values among the 3 rows "
                        + "with a label");
    }

    @Test
    void shouldRefuseMoreFeatureSlotsThanSparkSolvesExactly() {
        Object[][] rows = new Object[4200][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {"customer " + i, (double) i};
        }
        TableData customers = Tables.of("customer:string,spend:double", rows);

        assertThatThrownBy(() -> train(customers, Map.of("labelColumn", "spend")))
                .hasMessageMatching("generalized-linear-regression: the features make 42\\d\\d slots .*, more than "
                        + "the 4096 Spark solves exactly; leave out text columns with many values.*");
    }

    private static ModelData train(TableData in, Map<String, Object> params) {
        return (ModelData) TestRun.execute("generalized-linear-regression", params, Map.of("in", in)).get("model");
    }
}
