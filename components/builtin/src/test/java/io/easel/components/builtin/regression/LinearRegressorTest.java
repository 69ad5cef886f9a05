package io.easel.components.builtin.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.junit.jupiter.api.Test;

class LinearRegressorTest {

    @Test
    void shouldExplainMoreThanFortyPercentOfTheHeldBackProgression() {
        ModelData model = HeldBackDiabetes.model("linear-regression", Map.of());

        // reached 0.458 on the held-back quarter (training R² 0.53)
        assertThat(HeldBackDiabetes.r2(model)).isGreaterThan(0.40);
        assertThat(model.metrics()).containsEntry("coefficients", 10).containsKeys("intercept", "trainingRmse")
                .hasEntrySatisfying("trainingR2", r2 -> assertThat((Double) r2).isGreaterThan(0.45));
        assertThat(model.slots()).containsExactly("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
    }

    @Test
    void shouldSetSomeCoefficientsToExactlyZeroWithTheLassoPenalty() {
        ModelData lasso = HeldBackDiabetes.model("linear-regression", Map.of("regParam", 5.0,
                "elasticNetParam", 1.0));

        // with this penalty 5 of the 10 measurements are left out, and the fit barely suffers (R² 0.434)
        assertThat((Integer) lasso.metrics().get("nonZeroCoefficients")).isBetween(1, 8);
        assertThat(HeldBackDiabetes.r2(lasso)).isGreaterThan(0.35);
    }

    @Test
    void shouldPullTheLineLessTowardsOutliersWithHuberLoss() {
        List<Object[]> rows = new ArrayList<>();
        for (int x = 0; x < 40; x++) {
            rows.add(new Object[] {(double) x, 2.0 * x + 1 + (x % 3 - 1) * 0.5});
        }
        rows.add(new Object[] {38.0, 400.0}); // two wild readings at the high end
        rows.add(new Object[] {39.0, 420.0});
        TableData line = Tables.of("x:double,y:double", rows.toArray(Object[][]::new));

        double squared = slope(line, "squaredError");
        double huber = slope(line, "huber");

        // the true slope is 2: least squares is dragged to 4.0, Huber stays at 2.005
        assertThat(Math.abs(huber - 2)).isLessThan(0.3).isLessThan(Math.abs(squared - 2) / 3);
    }

    @Test
    void shouldOneHotEncodeTextFeatures() {
        ModelData model = (ModelData) TestRun.execute("linear-regression", Map.of("labelColumn", "credit_amount",
                "featureColumns", List.of("duration", "purpose")), Map.of("in", TestRun.dataset("credit_g")))
                .get("model");

        assertThat(model.slots()).startsWith("duration").contains("purpose=radio/tv", "purpose=new car");
        assertThat((Integer) model.metrics().get("coefficients")).isEqualTo(model.slots().size());
    }

    private static double slope(TableData line, String loss) {
        ModelData model = (ModelData) TestRun.execute("linear-regression", Map.of("labelColumn", "y", "loss", loss),
                Map.of("in", line)).get("model");
        assertThat(model.metrics().get("trainingRows")).isEqualTo(42L);
        return model.stage(LinearRegressionModel.class).orElseThrow().coefficients().apply(0);
    }
}
