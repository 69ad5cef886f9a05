package io.easel.components.builtin.features;

import static io.easel.components.builtin.features.VectorFeaturesTest.run;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.LineageParity;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/** The encoders that read several columns or the target: target encoder, R formula, feature hasher. */
class EncodersTest {

    private static final TableData CREDIT = TestRun.dataset("credit_g");

    @Test
    void shouldEncodeEachCategoryAsItsShareOfPositiveRowsAndUnseenOnesAsTheOverallShare() {
        TableData withMissing = CREDIT.withRows(CREDIT.rows().withColumn("purpose",
                when(col("age").gt(60), functions.lit(null)).otherwise(col("purpose"))));
        TableData encoded = run("target-encode", Map.of("columns", List.of("purpose"), "labelColumn", "class",
                "positiveLabel", "bad"), withMissing);

        List<Row> shares = withMissing.rows().groupBy("purpose")
                .agg(avg(when(col("class").equalTo("bad"), 1.0).otherwise(0.0))).collectAsList();
        double overall = withMissing.rows().filter(col("class").equalTo("bad")).count() / 1000.0;
        for (Row share : shares) {
            double expected = share.isNullAt(0) ? overall : share.getDouble(1);
            List<Row> values = encoded.rows().filter(share.isNullAt(0) ? col("purpose").isNull()
                    : col("purpose").equalTo(share.getString(0))).select("purpose_target").distinct().collectAsList();
            assertThat(values).hasSize(1);
            assertThat(values.getFirst().getDouble(0)).as(String.valueOf(share)).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void shouldEncodeByTheMeanOfAContinuousTargetAndRefuseATextOne() {
        TableData encoded = run("target-encode", Map.of("columns", List.of("housing"), "labelColumn",
                "credit_amount", "targetType", "continuous"), CREDIT);

        Row own = CREDIT.rows().filter(col("housing").equalTo("own")).agg(avg("credit_amount")).first();
        assertThat(encoded.rows().filter(col("housing").equalTo("own")).first().<Double>getAs("housing_target"))
                .isCloseTo(own.getDouble(0), within(1e-9));
        assertThatThrownBy(() -> run("target-encode", Map.of("columns", List.of("housing"), "labelColumn", "class"),
                CREDIT)).hasMessageContaining("name the positive value");
    }

    @Test
    void shouldBuildFeaturesAndLabelFromAFormula() {
        TableData diabetes = run("r-formula", Map.of("formula", "progression ~ bmi + bp + bmi:bp"),
                TestRun.dataset("diabetes"));
        for (Row row : diabetes.rows().select("bmi", "bp", "progression", "features", "label").collectAsList()) {
            assertThat(((Vector) row.get(3)).toArray()).containsExactly(row.getDouble(0), row.getDouble(1),
                    row.getDouble(0) * row.getDouble(1));
            assertThat(row.getDouble(4)).isEqualTo(row.getDouble(2));
        }
        assertThat(diabetes.lineage().inputBoundary()).as("Spark cannot score a:b with a missing number").isPresent();

        TableData iris = run("r-formula", Map.of("formula", "species ~ ."), TestRun.dataset("iris"));
        assertThat(iris.rows().select("species", "label").distinct().count()).isEqualTo(3);
        assertThat(((Vector) iris.rows().first().getAs("features")).size()).isEqualTo(4);
        assertThatThrownBy(() -> run("r-formula", Map.of("formula", "species ~ + ("), TestRun.dataset("iris")))
                .hasMessageContaining("is not an R formula");
        assertThatThrownBy(() -> run("r-formula", Map.of("formula", "species ~ petal_size"),
                TestRun.dataset("iris"))).hasMessageContaining("Formula:").hasMessageContaining("petal_size");
    }

    @Test
    void shouldHashEachValueIntoTheSameSlotAndStartANewLineage() {
        TableData hashed = run("feature-hash", Map.of("columns", List.of("purpose", "duration"), "numFeatures", 64),
                CREDIT);

        assertThat(hashed.lineage().inputBoundary()).isPresent();
        List<Row> rows = hashed.rows().select("purpose", "duration", "hashed").collectAsList();
        Map<String, Integer> slotOfPurpose = new java.util.HashMap<>();
        for (Row row : rows) {
            Vector v = (Vector) row.get(2);
            assertThat(v.size()).isEqualTo(64);
            assertThat(v.toArray()).contains(row.getInt(1) * 1.0);
            int[] ones = java.util.stream.IntStream.range(0, 64).filter(i -> v.apply(i) == 1.0).toArray();
            slotOfPurpose.putIfAbsent(row.getString(0), ones.length > 0 ? ones[0] : -1);
        }
        assertThat(slotOfPurpose).hasSize(10).doesNotContainValue(-1);
    }

    @Test
    void shouldScoreRawRecordsInPmmlAsSparkDoesWhenAModelIsTrainedOnTheEncodings() throws Exception {
        TableData encoded = run("target-encode", Map.of("columns", List.of("purpose", "housing"), "labelColumn",
                "class", "positiveLabel", "bad", "smoothing", 5.0), CREDIT);
        ModelData logistic = (ModelData) TestRun.execute("logistic-regression", Map.of("labelColumn", "class",
                "featureColumns", List.of("purpose_target", "housing_target", "duration")), Map.of("in", encoded))
                .get("model");
        PmmlParity.assertSparkAndPmmlAgree(logistic, CREDIT.rows(), "logistic regression on target encodings");

        TableData numeric = run("r-formula", Map.of("formula", "progression ~ bmi + bp + sex"),
                TestRun.dataset("diabetes"));
        assertThat(numeric.lineage().inputBoundary()).isEmpty();
        LineageParity.assertNewStepsReplayInPmml(TestRun.dataset("diabetes"), numeric,
                TestRun.dataset("diabetes").rows(), "R formula on numbers");
        TableData text = run("r-formula", Map.of("formula", "class ~ duration + purpose"), CREDIT);
        assertThat(text.lineage().inputBoundary()).isPresent();

        TableData hashed = run("feature-hash", Map.of("columns", List.of("purpose", "duration"), "numFeatures", 64),
                CREDIT);
        ModelData onHashes = (ModelData) TestRun.execute("logistic-regression", Map.of("labelColumn", "class",
                "featureColumns", List.of("hashed")), Map.of("in", hashed)).get("model");
        assertThat(onHashes.metrics()).containsKey(ModelData.INPUT_BOUNDARY_FACT);
        assertThat(onHashes.pmmlObstacle()).hasValueSatisfying(why -> assertThat(why)
                .contains("vector column 'hashed'", "'Feature hasher'", "PMML has no vector inputs"));
    }
}
