package io.easel.components.builtin.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class NormalizeRowsTest {

    @Test
    void shouldGiveEveryIrisRowLengthOneInTheSameDirection() {
        TableData iris = (TableData) TestRun.execute("vector-assemble", Map.of("columns", List.of("sepal_length_cm",
                "sepal_width_cm", "petal_length_cm", "petal_width_cm")), Map.of("in", TestRun.dataset("iris")))
                .get("out");

        TableData normalized = (TableData) TestRun.execute("normalize-rows", Map.of("column", "features"),
                Map.of("in", iris)).get("out");

        for (Row row : normalized.rows().select("features", "normalized").collectAsList()) {
            Vector original = row.getAs(0);
            Vector unit = row.getAs(1);
            assertThat(Vectors.norm(unit, 2)).isCloseTo(1, within(1e-12));
            for (int i = 0; i < unit.size(); i++) {
                assertThat(unit.apply(i) * Vectors.norm(original, 2)).isCloseTo(original.apply(i), within(1e-9));
            }
        }
    }
}
