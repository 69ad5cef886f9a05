package io.easel.components.builtin.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class VectorSliceTest {

    @Test
    void shouldKeepTheChosenSlotsInTheOrderGiven() {
        TableData sliced = (TableData) TestRun.execute("vector-slice", Map.of("column", "features", "slots", "3, 0"),
                Map.of("in", iris())).get("out");

        for (Row row : sliced.rows().select("petal_width_cm", "sepal_length_cm", "sliced").collectAsList()) {
            assertThat(((Vector) row.getAs(2)).toArray()).containsExactly(row.getDouble(0), row.getDouble(1));
        }
    }

    @Test
    void shouldRefuseASlotBeyondTheVector() {
        assertThatThrownBy(() -> TestRun.execute("vector-slice", Map.of("column", "features", "slots", "1, 4"),
                Map.of("in", iris())))
                .hasMessageContaining("0 to 3");
    }

    private static TableData iris() {
        return (TableData) TestRun.execute("vector-assemble", Map.of("columns", List.of("sepal_length_cm",
                "sepal_width_cm", "petal_length_cm", "petal_width_cm")), Map.of("in", TestRun.dataset("iris")))
                .get("out");
    }
}
