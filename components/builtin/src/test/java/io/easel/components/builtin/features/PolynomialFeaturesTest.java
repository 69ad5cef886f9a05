package io.easel.components.builtin.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PolynomialFeaturesTest {

    @Test
    void shouldListEveryColumnSquareAndProductUpToTheDegree() {
        TableData expanded = expand(List.of("bmi", "bp", "s5"), 2);

        AttributeGroup slots = AttributeGroup.fromStructField(expanded.rows().schema().apply("polynomial"));
        assertThat(java.util.Arrays.stream(slots.attributes().get()).map(a -> a.name().get()).toList())
                .containsExactly("bmi", "bp", "s5", "bmi*bmi", "bmi*bp", "bmi*s5", "bp*bp", "bp*s5", "s5*s5");
        for (Row row : expanded.rows().select("bmi", "bp", "s5", "polynomial").limit(50).collectAsList()) {
            double bmi = row.getDouble(0);
            double bp = row.getDouble(1);
            double s5 = row.getDouble(2);
            assertThat(((Vector) row.getAs(3)).toArray())
                    .containsExactly(bmi, bp, s5, bmi * bmi, bmi * bp, bmi * s5, bp * bp, bp * s5, s5 * s5);
        }
    }

    @Test
    void shouldCountCubicTermsOfThreeColumns() {
        Vector first = expand(List.of("bmi", "bp", "s5"), 3).rows().select("polynomial").first().getAs(0);

        assertThat(first.size()).isEqualTo(3 + 6 + 10);
    }

    private static TableData expand(List<String> columns, int degree) {
        return (TableData) TestRun.execute("polynomial-features", Map.of("columns", columns, "degree", degree),
                Map.of("in", TestRun.dataset("diabetes"))).get("out");
    }
}
