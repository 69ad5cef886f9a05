package io.easel.components.builtin.source;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.builtin.classification.HeldOut;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {

    private static final List<String> INFORMATIVE = List.of("x0", "x1", "x2", "x3");
    private static final List<String> NOISE_ONLY = List.of("x4", "x5", "x6", "x7");

    @Test
    void shouldGiveTheSameRowsForTheSameSeedAndOtherRowsForAnother() {
        Map<String, Object> params = Map.of("rows", 300, "features", 3, "categorical", 1, "missingShare", 0.1,
                "seed", 5);
        List<Row> first = generate(params).collectAsList();
        List<Row> again = generate(new HashMap<>(params)).collectAsList();
        Map<String, Object> otherSeed = new HashMap<>(params);
        otherSeed.put("seed", 6);

        assertThat(first).hasSize(300).isEqualTo(again);
        assertThat(generate(otherSeed).collectAsList()).isNotEqualTo(first);
        assertThat(generate(params).columns()).containsExactly("x0", "x1", "x2", "cat0", "label");
    }

    @Test
    void shouldLeaveTheAskedShareOfFeatureCellsMissingButNeverTheLabel() {
        Dataset<Row> rows = generate(Map.of("rows", 20_000, "features", 4, "categorical", 2, "missingShare", 0.2));
        long cells = 0;
        long missing = 0;
        for (String column : List.of("x0", "x1", "x2", "x3", "cat0", "cat1")) {
            missing += rows.filter(col(column).isNull()).count();
            cells += 20_000;
        }
        assertThat((double) missing / cells).isCloseTo(0.2, within(0.01)); // measured 0.1997
        assertThat(rows.filter(col("label").isNull()).count()).isZero();
    }

    @Test
    void shouldDrawStandardNormalFeaturesAndEquallyLikelyClassesAndLevels() {
        Dataset<Row> rows = generate(Map.of("rows", 20_000, "features", 2, "categorical", 1, "levels", 4,
                "classes", 4));
        Row moments = rows.agg(functions.mean("x1"), functions.stddev("x1")).first();

        assertThat(moments.getDouble(0)).isCloseTo(0, within(0.03));
        assertThat(moments.getDouble(1)).isCloseTo(1, within(0.03));
        for (String column : List.of("label", "cat0")) {
            List<Row> counts = rows.groupBy(column).count().collectAsList();
            assertThat(counts).hasSize(4);
            counts.forEach(count -> assertThat(count.getLong(1)).isBetween(4_600L, 5_400L));
        }
    }

    @Test
    void shouldMakeTheClassDependOnTheInformativeFeaturesOnly() {
        Map<String, Object> data = Map.of("classes", 3, "rows", 3000, "features", 8, "informative", 4,
                "noise", 0.3, "seed", 11);

        double informative = accuracy(data, INFORMATIVE);
        double noise = accuracy(data, NOISE_ONLY);
        // chance is 1/3 with three equally likely classes; measured 0.827 on the informative features, 0.327 on
        // the others
        assertThat(informative).isGreaterThan(0.75);
        assertThat(noise).isLessThan(0.4);
        assertThat(informative - noise).isGreaterThan(0.4);
    }

    @Test
    void shouldExplainTheRegressionLabelUpToTheNoise() {
        Map<String, Object> data = Map.of("task", "regression", "rows", 3000, "features", 6, "informative", 3,
                "categorical", 1, "noise", 0.5, "seed", 3);
        Map<String, Object> learner = Map.of("labelColumn", "label",
                "featureColumns", List.of("x0", "x1", "x2", "cat0"));

        TableData scored = HeldOut.from("synthetic-data", data, "linear-regression", learner).scored();
        Row fit = scored.rows().agg(
                functions.avg(functions.pow(col("label").minus(col(ModelData.PREDICTION)), 2)),
                functions.variance("label")).first();
        double rSquared = 1 - fit.getDouble(0) / fit.getDouble(1);
        // the signal has variance 1 and the noise 0.25, so the best possible R² is 0.8; measured 0.815 (label variance
        // 1.33)
        assertThat(rSquared).isCloseTo(0.8, within(0.04));
        assertThat(fit.getDouble(1)).isCloseTo(1.25, within(0.15));
    }

    @Test
    void shouldRefuseMoreInformativeFeaturesThanFeatures() {
        assertThatThrownBy(() -> generate(Map.of("features", 3, "informative", 4)))
                .hasMessageContaining("'informative' is 4").hasMessageContaining("3 numeric features");
    }

    private static Dataset<Row> generate(Map<String, Object> params) {
        return ((TableData) TestRun.execute("synthetic-data", params, Map.of()).get("out")).rows();
    }

    private static double accuracy(Map<String, Object> data, List<String> features) {
        return HeldOut.from("synthetic-data", data, "logistic-regression",
                Map.of("labelColumn", "label", "featureColumns", features)).accuracy();
    }
}
