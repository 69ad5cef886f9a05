package io.easel.components.builtin.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.TableData;
import io.easel.components.spi.ModelData;
import io.easel.components.testing.LineageParity;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.ml.feature.DCT;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The vector-to-vector components: elementwise product, DCT, vector indexer, interaction. */
class VectorFeaturesTest {

    private static final List<String> IRIS_MEASUREMENTS = List.of("sepal_length_cm", "sepal_width_cm",
            "petal_length_cm", "petal_width_cm");
    private static final List<String> DIABETES_MEASUREMENTS = List.of("age", "sex", "bmi", "bp");

    @Test
    void shouldMultiplyEachSlotByItsWeight() {
        TableData weighted = run("elementwise-product", Map.of("column", "features", "scalingVec", "1, 0, 2, -0.5"),
                assembled("iris", IRIS_MEASUREMENTS));

        double[] weights = {1, 0, 2, -0.5};
        for (Row row : weighted.rows().select("features", "weighted").collectAsList()) {
            double[] x = ((Vector) row.get(0)).toArray();
            double[] y = ((Vector) row.get(1)).toArray();
            for (int i = 0; i < 4; i++) {
                assertThat(y[i]).isEqualTo(x[i] * weights[i]);
            }
        }
        assertThatThrownBy(() -> run("elementwise-product", Map.of("column", "features", "scalingVec", "1, 2"),
                assembled("iris", IRIS_MEASUREMENTS))).hasMessageContaining("2 given, but vector 'features' has 4");
        assertThatThrownBy(() -> run("elementwise-product", Map.of("column", "features", "scalingVec", "1, x"),
                assembled("iris", IRIS_MEASUREMENTS))).hasMessageContaining("not a list of numbers");
    }

    @Test
    void shouldComputeSparksCosineTransformAndUndoItWithTheInverse() {
        TableData iris = assembled("iris", IRIS_MEASUREMENTS);
        TableData forward = run("dct", Map.of("column", "features"), iris);
        TableData back = run("dct", Map.of("column", "dct", "inverse", true, "outputColumn", "restored"), forward);

        List<Row> spark = new DCT().setInputCol("features").setOutputCol("spark").transform(forward.rows())
                .select("features", "dct", "spark").collectAsList();
        List<Row> restored = back.rows().select("restored").collectAsList();
        for (int r = 0; r < spark.size(); r++) {
            double[] x = ((Vector) spark.get(r).get(0)).toArray();
            double[] ours = ((Vector) spark.get(r).get(1)).toArray();
            double[] sparks = ((Vector) spark.get(r).get(2)).toArray();
            double[] again = ((Vector) restored.get(r).get(0)).toArray();
            for (int i = 0; i < 4; i++) {
                assertThat(ours[i]).isCloseTo(sparks[i], within(1e-12));
                assertThat(again[i]).isCloseTo(x[i], within(1e-12));
            }
        }
    }

    @Test
    void shouldTakeSlotsWithFewValuesAsCategories() {
        TableData indexed = run("vector-index", Map.of("column", "features", "maxCategories", 4),
                assembled("diabetes", DIABETES_MEASUREMENTS));

        assertThat(indexed.lineage().inputBoundary()).isPresent(); // JPMML-SparkML's form of it is not exact
        AttributeGroup slots = AttributeGroup.fromStructField(indexed.rows().schema().apply("indexed"));
        assertThat(slots.getAttr(1).isNominal()).isTrue(); // sex: two values
        assertThat(List.of(slots.getAttr(0), slots.getAttr(2), slots.getAttr(3)))
                .allMatch(a -> a instanceof NumericAttribute);
        for (Row row : indexed.rows().select("sex", "age", "indexed").collectAsList()) {
            Vector v = (Vector) row.get(2);
            assertThat(v.apply(1)).isEqualTo(row.getDouble(0) == 1.0 ? 0.0 : 1.0); // sex 1.0 sorts first
            assertThat(v.apply(0)).isEqualTo(row.getDouble(1));
        }
    }

    @Test
    void shouldPutEachAmountInTheSlotOfItsPurpose() {
        TableData encoded = run("one-hot-encode", Map.of("columns", List.of("purpose")), TestRun.dataset("credit_g"));
        TableData crossed = run("interaction", Map.of("columns", List.of("purpose_onehot", "credit_amount")),
                encoded);

        for (Row row : crossed.rows().select("purpose_onehot", "credit_amount", "interaction").collectAsList()) {
            Vector flags = (Vector) row.get(0);
            Vector products = (Vector) row.get(2);
            assertThat(products.size()).isEqualTo(flags.size());
            assertThat(products.numNonzeros()).isEqualTo(1);
            assertThat(products.apply(flags.argmax())).isEqualTo(((Number) row.get(1)).doubleValue());
        }
        assertThatThrownBy(() -> run("interaction", Map.of("columns", List.of("credit_amount")), encoded))
                .hasMessageContaining("at least two");
    }

    /**
     * Each step's output, replayed in PMML on raw records (also with a missing value), equals Spark's slot by slot.
     */
    @Test
    void shouldReplayEachStepInPmmlOnRawRecords() throws Exception {
        TableData diabetes = assembled("diabetes", DIABETES_MEASUREMENTS);
        Dataset<Row> raw = TestRun.dataset("diabetes").rows();
        TableData weighted = run("elementwise-product", Map.of("column", "features", "scalingVec", "1, 3, 0.5, 2"),
                diabetes);
        LineageParity.assertNewStepsReplayInPmml(diabetes, weighted, raw, "elementwise product");
        TableData transformed = run("dct", Map.of("column", "weighted", "inverse", true), weighted);
        LineageParity.assertNewStepsReplayInPmml(weighted, transformed, raw, "inverse DCT");

        TableData encoded = run("one-hot-encode", Map.of("columns", List.of("purpose")), TestRun.dataset("credit_g"));
        TableData crossed = run("interaction", Map.of("columns", List.of("purpose_onehot", "duration")), encoded);
        LineageParity.assertNewStepsReplayInPmml(encoded, crossed, TestRun.dataset("credit_g").rows(),
                "interaction");
    }

    /**
     * A learner fills the missing slots of vector features as it fills missing numbers, so a model on them scores
     * raw records with a missing value in PMML as Spark does.
     */
    @Test
    void shouldScoreRawRecordsInPmmlAsSparkDoesWhenAModelIsTrainedOnTheVectors() throws Exception {
        TableData weighted = run("elementwise-product", Map.of("column", "features", "scalingVec", "1, 3, 0.5, 2"),
                assembled("diabetes", DIABETES_MEASUREMENTS));
        TableData transformed = run("dct", Map.of("column", "weighted"), weighted);
        ModelData linear = (ModelData) TestRun.execute("linear-regression", Map.of("labelColumn", "progression",
                "featureColumns", List.of("dct")), Map.of("in", transformed)).get("model");
        PmmlParity.assertSparkAndPmmlAgree(linear, TestRun.dataset("diabetes").rows(),
                "linear regression on the DCT of weighted measurements");

        TableData crossed = run("interaction", Map.of("columns", List.of("purpose_onehot", "credit_amount")),
                run("one-hot-encode", Map.of("columns", List.of("purpose")), TestRun.dataset("credit_g")));
        ModelData logistic = (ModelData) TestRun.execute("logistic-regression", Map.of("labelColumn", "class",
                "featureColumns", List.of("interaction", "duration")), Map.of("in", crossed)).get("model");
        assertThat(logistic.slots()).hasSize(11);
        PmmlParity.assertSparkAndPmmlAgree(logistic, TestRun.dataset("credit_g").rows(),
                "logistic regression on purpose x amount");
    }

    private static TableData assembled(String dataset, List<String> columns) {
        return run("vector-assemble", Map.of("columns", columns), TestRun.dataset(dataset));
    }

    static TableData run(String component, Map<String, Object> params, TableData in) {
        return (TableData) TestRun.execute(component, params, Map.of("in", in)).get("out");
    }
}
