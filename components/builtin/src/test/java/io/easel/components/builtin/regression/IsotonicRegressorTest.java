package io.easel.components.builtin.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Pmml;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class IsotonicRegressorTest {

    @Test
    void shouldPredictProgressionRisingWithBodyMassIndex() {
        ModelData model = HeldBackDiabetes.model("isotonic-regression", Map.of("featureColumns", List.of("bmi")));

        // reached 0.22 from bmi alone (a straight line on bmi: 0.2)
        assertThat(HeldBackDiabetes.r2(model)).isGreaterThan(0.15);
        assertThat(predictionsByBmi(model)).isSorted();
        assertThat((Integer) model.metrics().get("boundaries")).isGreaterThan(2);
    }

    @Test
    void shouldPredictFallingValuesWhenAntitonic() {
        ModelData model = HeldBackDiabetes.model("isotonic-regression", Map.of("featureColumns", List.of("bmi"),
                "isotonic", false));

        assertThat(predictionsByBmi(model).reversed()).isSorted();
    }

    @Test
    void shouldRefuseMoreThanOneFeatureNamingThem() {
        assertThatThrownBy(() -> HeldBackDiabetes.model("isotonic-regression",
                Map.of("featureColumns", List.of("bmi", "bp"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("isotonic-regression: isotonic regression fits one numeric feature, but param "
                        + "'featureColumns' gives [bmi, bp]; choose one numeric column");
    }

    @Test
    void shouldScoreInPmmlAsSparkDoesAModelOfOneStep() throws Exception {
        TableData flat = Tables.of("dose:double,response:double", new Object[] {2.0, 1.0}, new Object[] {2.0, 3.0},
                new Object[] {2.0, 5.0});
        ModelData model = (ModelData) TestRun.execute("isotonic-regression", Map.of("labelColumn", "response"),
                Map.of("in", flat)).get("model");
        Pmml pmml = Pmml.convert(model.lineage().rawSchema(), model.scoringPipelineFromRaw());
        TableData doses = Tables.of("dose:double,response:double", new Object[] {-10.0, 0.0},
                new Object[] {2.0, 0.0}, new Object[] {7.5, 0.0}, new Object[] {null, 0.0});

        for (Row row : model.score(doses.rows()).collectAsList()) {
            assertThat(row.<Double>getAs("prediction")).isEqualTo(3.0);
            assertThat((Double) pmml.score(row).get("response")).isCloseTo(3.0, within(1e-12));
        }
    }

    /** The held-back predictions in the order of rising bmi. */
    private static List<Double> predictionsByBmi(ModelData model) {
        return HeldBackDiabetes.scored(model).orderBy("bmi").collectAsList().stream()
                .map(r -> r.<Double>getAs("prediction")).toList();
    }
}
