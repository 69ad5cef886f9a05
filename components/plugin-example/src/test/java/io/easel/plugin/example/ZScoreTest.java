package io.easel.plugin.example;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import io.easel.plugin.example.transform.FittedZScore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZScoreTest {

    private static final List<String> AMOUNTS = List.of("duration", "credit_amount", "age");

    @Test
    void shouldScoreEachValueByItsDistanceFromTheMeanInSampleStandardDeviations() {
        TableData credit = TestRun.dataset("credit_g");

        Dataset<Row> scored = zScores(credit, AMOUNTS).rows();

        assertThat(scored.columns()).startsWith(credit.rows().columns())
                .endsWith("duration_zscore", "credit_amount_zscore", "age_zscore");
        List<Row> rows = scored.collectAsList();
        for (String column : AMOUNTS) {
            double[] values = rows.stream().mapToDouble(r -> ((Number) r.getAs(column)).doubleValue()).toArray();
            double mean = Arrays.stream(values).average().orElseThrow();
            double std = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum()
                    / (values.length - 1));
            for (int i = 0; i < values.length; i++) {
                assertThat((double) rows.get(i).getAs(column + "_zscore")).as(column + " row " + i)
                        .isCloseTo((values[i] - mean) / std, within(1e-9));
            }
            double[] scores = rows.stream().mapToDouble(r -> r.getAs(column + "_zscore")).toArray();
            assertThat(Arrays.stream(scores).average().orElseThrow()).as(column).isCloseTo(0, within(1e-9));
            assertThat(Arrays.stream(scores).map(z -> z * z).sum() / (scores.length - 1)).as(column)
                    .isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void shouldKeepMissingValuesMissingAndLearnFromTheOthers() {
        TableData credit = TestRun.dataset("credit_g");
        TableData withGaps = TableData.source(credit.rows().withColumn("age",
                when(col("age").gt(60), lit(null)).otherwise(col("age"))));

        List<Row> rows = zScores(withGaps, List.of("age")).rows().select("age", "age_zscore").collectAsList();

        List<Row> missing = rows.stream().filter(r -> r.isNullAt(0)).toList();
        assertThat(missing).isNotEmpty().allMatch(r -> r.isNullAt(1));
        double[] present = rows.stream().filter(r -> !r.isNullAt(0)).mapToDouble(r -> r.getDouble(1)).toArray();
        assertThat(present).hasSize(rows.size() - missing.size());
        assertThat(Arrays.stream(present).average().orElseThrow()).isCloseTo(0, within(1e-9));
    }

    @Test
    void shouldScoreAColumnWithoutSpreadAsZero() {
        TableData credit = TestRun.dataset("credit_g");
        TableData constant = TableData.source(credit.rows().withColumn("branch", lit(7)));

        List<Row> rows = zScores(constant, List.of("branch")).rows().select("branch_zscore").collectAsList();

        assertThat(rows).hasSize(1000).allMatch(r -> r.getDouble(0) == 0.0);
    }

    @Test
    void shouldFailNamingAColumnThatHasNoValueToLearnFrom() {
        TableData credit = TestRun.dataset("credit_g");
        TableData empty = TableData.source(credit.rows().withColumn("bonus", lit(null).cast(DataTypes.DoubleType)));

        assertThatThrownBy(() -> zScores(empty, List.of("age", "bonus")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bonus'").hasMessageContaining("no values");
    }

    @Test
    void shouldSaveAndLoadTheFittedStepTheWaySparkPersistsPipelines(@TempDir Path dir) throws Exception {
        TableData credit = TestRun.dataset("credit_g");
        FittedZScore fitted = FittedZScore.learn(credit.rows(), AMOUNTS, List.of("d", "c", "a"));

        fitted.save(dir.resolve("z").toString());
        FittedZScore loaded = FittedZScore.load(dir.resolve("z").toString());

        assertThat(loaded.uid()).isEqualTo(fitted.uid());
        assertThat(loaded.getInputCols()).isEqualTo(AMOUNTS);
        assertThat(loaded.getOutputCols()).containsExactly("d", "c", "a");
        assertThat(loaded.getMeans()).containsExactly(fitted.getMeans());
        assertThat(loaded.getStds()).containsExactly(fitted.getStds());
    }

    @Test
    void shouldRefuseTextColumnsBeforeRunning() {
        assertThatThrownBy(() -> zScores(TestRun.dataset("credit_g"), List.of("purpose")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purpose");
    }

    /**
     * A logistic regression trained on the scores: its PMML must recompute them from raw records (with the means and
     * deviations learned in Spark) to predict what Spark predicts, also on records with a value missing.
     */
    @Test
    void shouldScoreRawRecordsInPmmlAsSparkDoesWhenAModelLearnsFromTheScores() throws Exception {
        TestRun run = TestRun.of(TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", "credit_g"))
                .node("scores", "z-score", Map.of("columns", AMOUNTS))
                .node("model", "logistic-regression", Map.of("labelColumn", "class",
                        "featureColumns", scoreColumnsAnd("checking_status", "purpose"), "maxIter", 10))
                .edge("data.out", "scores.in")
                .edge("scores.out", "model.in")
                .build());
        ModelData model = run.model("model", "model");

        assertThat(model.lineage().steps()).hasSize(1);
        PmmlParity.assertSparkAndPmmlAgree(model, run.table("data", "out").rows(), "z-score then logistic regression");
    }

    private static List<String> scoreColumnsAnd(String... others) {
        List<String> features = new ArrayList<>(AMOUNTS.stream().map(c -> c + ZScore.SUFFIX).toList());
        features.addAll(List.of(others));
        return features;
    }

    private static TableData zScores(TableData in, List<String> columns) {
        return (TableData) TestRun.execute("z-score", Map.of("columns", columns), Map.of("in", in)).get("out");
    }
}
