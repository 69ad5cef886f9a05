package io.easel.components.builtin.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

class SelectFeaturesTest {

    private static final List<String> IRIS = List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm",
            "petal_width_cm");

    @Test
    void shouldKeepThePetalMeasurementsThatSeparateIrisSpeciesBest() {
        TableData selected = select(iris(), Map.of("column", "features", "method", "anova",
                "labelColumn", "species", "keep", 2));

        for (Row row : selected.rows().select("petal_length_cm", "petal_width_cm", "selected").collectAsList()) {
            Vector kept = row.getAs(2);
            assertThat(kept.toArray()).containsExactly(row.getDouble(0), row.getDouble(1));
        }
    }

    @Test
    void shouldDropAConstantSlotByVariance() {
        TableData withConstant = iris().withRows(iris().rows().withColumn("constant", functions.lit(1.0)));
        TableData assembled = (TableData) TestRun.execute("vector-assemble", Map.of("columns",
                List.of("constant", "sepal_width_cm"), "outputColumn", "pair"), Map.of("in", withConstant))
                .get("out");

        TableData selected = select(assembled, Map.of("column", "pair", "method", "variance"));

        Row row = selected.rows().select("sepal_width_cm", "selected").first();
        assertThat(((Vector) row.getAs(1)).toArray()).containsExactly(row.getDouble(0));
    }

    @Test
    void shouldKeepTheSlotsThatPredictDiabetesProgressionByFRegression() {
        List<String> measures = List.of("age", "sex", "bmi", "s5");
        TableData assembled = (TableData) TestRun.execute("vector-assemble", Map.of("columns", measures),
                Map.of("in", TestRun.dataset("diabetes"))).get("out");

        TableData selected = select(assembled, Map.of("column", "features", "method", "f-regression",
                "labelColumn", "progression", "keep", 2));

        // bmi and s5 correlate with progression far more (0.59, 0.57) than age or sex (0.19, 0.04)
        Row row = selected.rows().select("bmi", "s5", "selected").first();
        assertThat(((Vector) row.getAs(2)).toArray()).containsExactly(row.getDouble(0), row.getDouble(1));
    }

    private static TableData iris() {
        return (TableData) TestRun.execute("vector-assemble", Map.of("columns", IRIS),
                Map.of("in", TestRun.dataset("iris"))).get("out");
    }

    private static TableData select(TableData in, Map<String, Object> params) {
        return (TableData) TestRun.execute("select-features", params, Map.of("in", in)).get("out");
    }
}
