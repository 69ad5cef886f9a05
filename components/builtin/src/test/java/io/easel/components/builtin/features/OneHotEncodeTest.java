package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

class OneHotEncodeTest {

    @Test
    void shouldSetExactlyOneFlagPerRowInTheSlotOfItsCategory() {
        TableData encoded = encode(TestRun.dataset("credit_g"), Map.of("columns", List.of("purpose")));

        AttributeGroup slots = AttributeGroup.fromStructField(encoded.rows().schema().apply("purpose_onehot"));
        long purposes = TestRun.dataset("credit_g").rows().select("purpose").distinct().count();
        assertThat(slots.size()).isEqualTo((int) purposes);
        assertThat(slots.getAttr(0).name().get()).isEqualTo("radio/tv"); // the most frequent: 280 of 1000
        for (Row row : encoded.rows().select("purpose", "purpose_onehot").collectAsList()) {
            Vector flags = row.getAs(1);
            assertThat(flags.toArray()).as(row.toString()).containsOnly(0.0, 1.0);
            assertThat(flags.numNonzeros()).as(row.toString()).isEqualTo(1);
            assertThat(slots.getAttr(flags.argmax()).name().get()).isEqualTo(row.getString(0));
        }
    }

    @Test
    void shouldLeaveMissingAndRareValuesWithoutAFlag() {
        TableData credit = TestRun.dataset("credit_g");
        TableData withMissing = credit.withRows(credit.rows().withColumn("purpose",
                functions.when(col("age").gt(60), functions.lit(null)).otherwise(col("purpose"))));

        TableData encoded = encode(withMissing, Map.of("columns", List.of("purpose"), "maxCategories", 3));

        List<Row> rows = encoded.rows().select("purpose", "purpose_onehot").collectAsList();
        assertThat(((Vector) rows.getFirst().getAs(1)).size()).isEqualTo(3);
        long unflagged = rows.stream().filter(r -> ((Vector) r.getAs(1)).numNonzeros() == 0).count();
        long missingOrRare = rows.stream().filter(r -> r.isNullAt(0)
                || !List.of("radio/tv", "new car", "furniture/equipment").contains(r.getString(0))).count();
        assertThat(unflagged).isEqualTo(missingOrRare).isPositive();
    }

    @Test
    void shouldScoreRawRecordsInPmmlAsSparkDoesWhenAModelIsTrainedOnTheFlags() throws Exception {
        TableData credit = TestRun.dataset("credit_g");
        TableData encoded = encode(credit, Map.of("columns", List.of("purpose", "housing")));

        ModelData model = (ModelData) TestRun.execute("logistic-regression", Map.of("labelColumn", "class",
                "featureColumns", List.of("purpose_onehot", "housing_onehot", "duration")), Map.of("in", encoded))
                .get("model");

        assertThat(model.slots()).contains("purpose_onehot=radio/tv", "housing_onehot=own");
        PmmlParity.assertSparkAndPmmlAgree(model, credit.rows(), "logistic regression on one-hot flags");
    }

    private static TableData encode(TableData in, Map<String, Object> params) {
        return (TableData) TestRun.execute("one-hot-encode", params, Map.of("in", in)).get("out");
    }
}
