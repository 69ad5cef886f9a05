package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DiscretizeTest {

    @Test
    void shouldSplitDiabetesIntoQuartersOfRoughlyEqualSize() {
        TableData binned = discretize("diabetes", Map.of("columns", List.of("bmi"), "strategy", "quantile",
                "bins", 4, "suffix", "_bin"));

        List<Row> counts = binned.rows().groupBy("bmi_bin").count().orderBy("bmi_bin").collectAsList();
        assertThat(counts).extracting(r -> r.getDouble(0)).containsExactly(0.0, 1.0, 2.0, 3.0);
        long rows = binned.rows().count();
        for (Row count : counts) {
            assertThat(count.getLong(1)).as("bin " + count.get(0)).isBetween(rows / 4 - 10, rows / 4 + 10);
        }
    }

    @Test
    void shouldPutValuesBetweenGivenThresholdsIntoTheirBins() {
        TableData binned = discretize("credit_g", Map.of("columns", List.of("age"), "strategy", "thresholds",
                "thresholds", "25, 35, 50", "suffix", "_band"));

        for (Row row : binned.rows().select("age", "age_band").collectAsList()) {
            int age = row.getInt(0);
            double expected = age <= 25 ? 0 : age <= 35 ? 1 : age <= 50 ? 2 : 3;
            assertThat(row.getDouble(1)).as("age " + age).isEqualTo(expected);
        }
    }

    @Test
    void shouldMakeEqualWidthBinsOverTheRange() {
        TableData binned = discretize("credit_g", Map.of("columns", List.of("duration"), "strategy", "equal-width",
                "bins", 4, "suffix", "_bin"));

        // durations run from 4 to 72 months: bins of 17 months
        assertThat(binned.rows().filter(col("duration").leq(21)).select("duration_bin").distinct().collectAsList())
                .extracting(r -> r.getDouble(0)).containsExactly(0.0);
        assertThat(binned.rows().filter(col("duration").gt(55)).select("duration_bin").distinct().collectAsList())
                .extracting(r -> r.getDouble(0)).containsExactly(3.0);
    }

    @Test
    void shouldFlagValuesAboveTheThresholdWithBinarize() {
        TableData flagged = (TableData) TestRun.execute("binarize", Map.of("columns", List.of("duration"),
                "threshold", 24.0), Map.of("in", TestRun.dataset("credit_g"))).get("out");

        TableData raw = TestRun.dataset("credit_g");
        assertThat(flagged.rows().filter(col("duration").equalTo(1.0)).count())
                .isEqualTo(raw.rows().filter(col("duration").gt(24)).count()).isPositive();
        assertThat(flagged.rows().filter(col("duration").equalTo(0.0)).count())
                .isEqualTo(raw.rows().filter(col("duration").leq(24)).count());
    }

    @Test
    void shouldRefuseThresholdsThatDoNotAscend() {
        assertThatThrownBy(() -> discretize("credit_g", Map.of("columns", List.of("age"), "strategy", "thresholds",
                "thresholds", "30, 20")))
                .hasMessageContaining("Thresholds must ascend");
    }

    private static TableData discretize(String dataset, Map<String, Object> params) {
        return (TableData) TestRun.execute("discretize", params, Map.of("in", TestRun.dataset(dataset))).get("out");
    }
}
