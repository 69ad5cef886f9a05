package io.easel.components.builtin.preparation;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class ClipOutliersTest {

    private static final TableData CREDIT = TestRun.dataset("credit_g");

    @Test
    void shouldClipToTheQuantilesAndLeaveValuesInsideUntouched() {
        TableData out = Prep.out("clip-outliers", Map.of("columns", List.of("credit_amount"),
                "lowerQuantile", 0.05, "upperQuantile", 0.95), CREDIT);

        List<Integer> sorted = Prep.rows(CREDIT).stream().map(r -> r.<Integer>getAs("credit_amount")).sorted()
                .toList();
        int low = sorted.get((int) Math.ceil(0.05 * 1000) - 1);
        int high = sorted.get((int) Math.ceil(0.95 * 1000) - 1);
        List<Row> before = Prep.rows(CREDIT);
        List<Row> after = Prep.rows(out);
        assertThat(out.rows().schema().apply("credit_amount").dataType()).isEqualTo(DataTypes.IntegerType);
        for (int i = 0; i < before.size(); i++) {
            int value = before.get(i).getAs("credit_amount");
            assertThat(after.get(i).<Integer>getAs("credit_amount"))
                    .isEqualTo(Math.max(low, Math.min(high, value)));
        }
        assertThat(Prep.columns(out)).containsExactlyElementsOf(Prep.columns(CREDIT));
    }

    @Test
    void shouldLetAModelTrainedOnClippedColumnsScoreRawRecordsInPmml() throws Exception {
        TableData diabetes = TestRun.dataset("diabetes");
        TableData out = Prep.out("clip-outliers", Map.of("columns", List.of("bmi", "s5")), diabetes);
        ModelData model = (ModelData) TestRun.execute("linear-regression", Map.of("labelColumn", "progression",
                "featureColumns", List.of("bmi", "s5")), Map.of("in", out)).get("model");

        PmmlParity.assertSparkAndPmmlAgree(model, diabetes.rows(), "linear regression on clipped columns");
    }
}
