package io.easel.components.builtin.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.mean;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.stddev_samp;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

class ScaleTest {

    private static final List<String> MEASURES = List.of("age", "bmi", "bp", "s1", "s5");

    @Test
    void shouldGiveEveryStandardizedColumnMeanZeroAndStandardDeviationOne() {
        TableData scaled = scale("diabetes", MEASURES, "standard", "");

        for (String column : MEASURES) {
            Row stats = scaled.rows().agg(mean(column), stddev_samp(column)).first();
            assertThat(stats.getDouble(0)).as(column + " mean").isCloseTo(0, within(1e-9));
            assertThat(stats.getDouble(1)).as(column + " std").isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void shouldMapEachColumnOntoZeroToOneWithMinMax() {
        TableData scaled = scale("diabetes", MEASURES, "min-max", "");

        for (String column : MEASURES) {
            Row range = scaled.rows().agg(min(column), max(column)).first();
            assertThat(range.getDouble(0)).as(column).isEqualTo(0.0);
            assertThat(range.getDouble(1)).as(column).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void shouldBoundMaxAbsScaledValuesByOne() {
        TableData scaled = scale("diabetes", MEASURES, "max-abs", "");

        for (String column : MEASURES) {
            assertThat(scaled.rows().agg(max(functions.abs(col(column)))).first().getDouble(0)).as(column)
                    .isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void shouldCentreRobustScaledColumnsOnTheirMedianAndKeepTheOriginals() {
        TableData scaled = scale("credit_g", List.of("credit_amount", "duration"), "robust", "_scaled");

        for (String column : List.of("credit_amount", "duration")) {
            Row quartiles = scaled.rows().agg(percentile_approx(col(column + "_scaled"),
                    functions.array(functions.lit(0.25), functions.lit(0.5), functions.lit(0.75)),
                    functions.lit(10000))).first();
            List<Double> q = quartiles.getList(0);
            assertThat(q.get(1)).as(column + " median").isCloseTo(0, within(0.01));
            assertThat(q.get(2) - q.get(0)).as(column + " interquartile range").isCloseTo(1, within(0.05));
        }
        assertThat(scaled.rows().columns()).contains("credit_amount", "credit_amount_scaled");
        assertThat(scaled.rows().agg(max("credit_amount")).first().getInt(0)).isEqualTo(18424);
    }

    @Test
    void shouldLeaveMissingValuesMissing() {
        TableData vote = TestRun.dataset("breast_cancer");
        TableData scaled = (TableData) TestRun.execute("scale",
                Map.of("columns", List.of("mean_radius"), "method", "standard"),
                Map.of("in", vote.withRows(vote.rows().withColumn("mean_radius",
                        functions.when(col("mean_area").gt(1000), functions.lit(null))
                                .otherwise(col("mean_radius"))))))
                .get("out");

        long missingBefore = vote.rows().filter(col("mean_area").gt(1000)).count();
        assertThat(missingBefore).isPositive();
        assertThat(scaled.rows().filter(col("mean_radius").isNull()).count()).isEqualTo(missingBefore);
    }

    @Test
    void shouldRefuseAColumnWithNoNumbers() {
        TableData diabetes = TestRun.dataset("diabetes");
        TableData empty = diabetes.withRows(diabetes.rows().withColumn("bmi", functions.lit(null).cast("double")));

        assertThatThrownBy(() -> TestRun.execute("scale", Map.of("columns", List.of("bmi")), Map.of("in", empty)))
                .hasMessageContaining("'bmi'");
    }

    @Test
    void shouldScoreRawRecordsInPmmlAsSparkDoesWhenAModelIsTrainedOnScaledAndTransformedColumns() throws Exception {
        TableData scaled = scale("diabetes", MEASURES, "robust", "");
        TableData logged = (TableData) TestRun.execute("math-transform", Map.of("columns", List.of("s1"),
                "function", "log", "suffix", "_log"), Map.of("in", scaled)).get("out");

        ModelData model = (ModelData) TestRun.execute("linear-regression", Map.of("labelColumn", "progression",
                "featureColumns", List.of("age", "bmi", "bp", "s1", "s1_log", "s5")), Map.of("in", logged))
                .get("model");

        PmmlParity.assertSparkAndPmmlAgree(model, TestRun.dataset("diabetes").rows(), "scaled diabetes");
    }

    @Test
    void shouldScoreRawRecordsWithBlanksInPmmlAsSparkDoesWhenColumnsAreFilledThenScaledInPlace() throws Exception {
        TableData diabetes = TestRun.dataset("diabetes");
        // every fifth patient's bmi and every seventh's s1 missing, as an analyst's CSV has them
        TableData blanks = diabetes.withRows(diabetes.rows()
                .withColumn("bmi", functions.when(functions.monotonically_increasing_id().mod(5).equalTo(0),
                        functions.lit(null)).otherwise(col("bmi")))
                .withColumn("s1", functions.when(functions.monotonically_increasing_id().mod(7).equalTo(3),
                        functions.lit(null)).otherwise(col("s1"))));
        TableData filled = (TableData) TestRun.execute("fill-missing", Map.of("columns", List.of("bmi", "s1")),
                Map.of("in", blanks)).get("out");
        TableData scaled = (TableData) TestRun.execute("scale", Map.of("columns", MEASURES), Map.of("in", filled))
                .get("out");

        ModelData model = (ModelData) TestRun.execute("linear-regression", Map.of("labelColumn", "progression",
                "featureColumns", MEASURES), Map.of("in", scaled)).get("model");

        assertThat(blanks.rows().filter(col("bmi").isNull()).count()).isPositive();
        PmmlParity.assertSparkAndPmmlAgree(model, blanks.rows(), "diabetes filled, then scaled in place");
    }

    private static TableData scale(String dataset, List<String> columns, String method, String suffix) {
        return (TableData) TestRun.execute("scale", Map.of("columns", columns, "method", method, "suffix", suffix),
                Map.of("in", TestRun.dataset(dataset))).get("out");
    }
}
