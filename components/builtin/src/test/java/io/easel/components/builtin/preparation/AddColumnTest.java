package io.easel.components.builtin.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class AddColumnTest {

    private static final TableData CREDIT = TestRun.dataset("credit_g");

    @Test
    void shouldComputeTheExpressionForEveryRowAsTheChosenType() {
        TableData out = Prep.out("add-column", Map.of("name", "monthly", "expression", "credit_amount / duration",
                "type", "double"), CREDIT);

        assertThat(out.rows().schema().apply("monthly").dataType()).isEqualTo(DataTypes.DoubleType);
        List<Row> rows = Prep.rows(out);
        assertThat(rows).hasSize(1000);
        for (Row row : rows) {
            assertThat(row.<Double>getAs("monthly"))
                    .isCloseTo((double) row.<Integer>getAs("credit_amount") / row.<Integer>getAs("duration"),
                            within(1e-9));
        }
        assertThat(out.lineage().steps()).singleElement().isInstanceOf(SQLTransformer.class);
    }

    @Test
    void shouldCastTextExpressionsAndKeepRowCount() {
        TableData out = Prep.out("add-column", Map.of("name", "young", "expression", "age < 25", "type", "string"),
                CREDIT);

        assertThat(out.rows().filter("young = 'true'").count())
                .isEqualTo(Prep.rows(CREDIT).stream().filter(r -> r.<Integer>getAs("age") < 25).count());
    }

    @Test
    void shouldRefuseBadSqlAnUnknownColumnAndAnExistingName() {
        assertThatThrownBy(() -> Prep.out("add-column", Map.of("name", "x", "expression", "credit_amount /"),
                CREDIT)).hasMessageStartingWith("Param 'expression'");
        assertThatThrownBy(() -> Prep.out("add-column", Map.of("name", "x", "expression", "income * 2"), CREDIT))
                .hasMessageStartingWith("Param 'expression'").hasMessageContaining("income");
        assertThatThrownBy(() -> Prep.out("add-column", Map.of("name", "age", "expression", "1"), CREDIT))
                .hasMessageStartingWith("Param 'name'");
    }

    @Test
    void shouldLetAModelTrainedOnTheNewColumnScoreRawRecordsInPmml() throws Exception {
        TableData diabetes = TestRun.dataset("diabetes");
        TableData out = Prep.out("add-column", Map.of("name", "bmi_bp", "expression",
                "bmi * bp / 100 + s5", "type", "double"), diabetes);
        ModelData model = (ModelData) TestRun.execute("linear-regression", Map.of("labelColumn", "progression",
                "featureColumns", List.of("bmi_bp", "age")), Map.of("in", out)).get("model");

        PmmlParity.assertSparkAndPmmlAgree(model, diabetes.rows(), "linear regression on a derived column");
    }
}
