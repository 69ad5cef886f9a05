package io.easel.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.engine.report.EngineJson;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void shouldTurnSparkValuesIntoPlainJson() throws Exception {
        var row = RowFactory.create("a", 3, 2.5, null, true,
                Date.valueOf(LocalDate.of(2024, 2, 29)),
                Timestamp.from(Instant.parse("2024-02-29T10:15:30Z")),
                Vectors.dense(0.25, 0.75),
                Vectors.sparse(3, new int[] {1}, new double[] {4.0}),
                new BigDecimal("12.50"),
                RowFactory.create("nested", 1L),
                Double.NaN);

        List<Object> values = JsonValues.row(row);

        assertThat(values).containsExactly("a", 3, 2.5, null, true, "2024-02-29", "2024-02-29T10:15:30Z",
                List.of(0.25, 0.75), List.of(0.0, 4.0, 0.0), new BigDecimal("12.50"), List.of("nested", 1L),
                Double.NaN);
        assertThat(EngineJson.mapper().writeValueAsString(values)).isEqualTo(
                "[\"a\",3,2.5,null,true,\"2024-02-29\",\"2024-02-29T10:15:30Z\",[0.25,0.75],[0.0,4.0,0.0],12.50,"
                        + "[\"nested\",1],\"NaN\"]");
    }
}
