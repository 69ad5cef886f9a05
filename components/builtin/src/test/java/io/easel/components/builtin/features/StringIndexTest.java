package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import io.easel.components.transform.CategoryValues;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

class StringIndexTest {

    private static final TableData CREDIT = TestRun.dataset("credit_g");

    @Test
    void shouldNumberCategoriesMostFrequentFirstAndTurnThemBackToTheSameText() {
        TableData indexed = index(CREDIT, Map.of("columns", List.of("purpose")));

        assertThat(indexed.rows().schema().apply("purpose_index").metadata().getStringArray(CategoryValues.CATEGORIES))
                .hasSize(10).startsWith("radio/tv", "new car"); // 280 and 234 of 1000
        List<Row> counts = indexed.rows().groupBy("purpose_index").count().orderBy("purpose_index").collectAsList();
        for (int i = 1; i < counts.size(); i++) {
            assertThat(counts.get(i).getLong(1)).isLessThanOrEqualTo(counts.get(i - 1).getLong(1));
        }

        TableData back = (TableData) TestRun.execute("index-to-string", Map.of("column", "purpose_index",
                "outputColumn", "purpose_again"), Map.of("in", indexed)).get("out");
        assertThat(back.rows().filter(col("purpose").notEqual(col("purpose_again"))
                .or(col("purpose_again").isNull())).count()).isZero();
        assertThat(back.lineage().inputBoundary()).isPresent();
    }

    @Test
    void shouldNumberAlphabeticallyWhenAsked() {
        TableData indexed = index(TestRun.dataset("iris"), Map.of("columns", List.of("species"),
                "order", "alphabetAsc"));

        List<Row> pairs = indexed.rows().select("species", "species_index").distinct().orderBy("species_index")
                .collectAsList();
        assertThat(pairs).extracting(r -> r.getString(0)).isSorted().hasSize(3);
        assertThat(pairs).extracting(r -> r.getDouble(1)).containsExactly(0.0, 1.0, 2.0);
    }

    @Test
    void shouldKeepMissingValuesAsOneExtraIndexOrSkipTheirRowsOrRefuseThem() {
        TableData withMissing = CREDIT.withRows(CREDIT.rows().withColumn("purpose",
                functions.when(col("age").gt(60), functions.lit(null)).otherwise(col("purpose"))));
        long missing = withMissing.rows().filter(col("purpose").isNull()).count();

        TableData kept = index(withMissing, Map.of("columns", List.of("purpose")));
        assertThat(kept.rows().filter(col("purpose_index").equalTo(10)).count()).isEqualTo(missing).isPositive();
        TableData back = (TableData) TestRun.execute("index-to-string", Map.of("column", "purpose_index"),
                Map.of("in", kept)).get("out");
        assertThat(back.rows().filter(col("category").isNull()).count()).isEqualTo(missing);
        TableData skipped = index(withMissing, Map.of("columns", List.of("purpose"), "handleInvalid", "skip"));
        assertThat(skipped.rows().count()).isEqualTo(1000 - missing);
        assertThatThrownBy(() -> index(withMissing, Map.of("columns", List.of("purpose"), "handleInvalid", "error")))
                .hasMessageContaining("'purpose' has missing values");
    }

    @Test
    void shouldScoreRawRecordsInPmmlAsSparkDoesWhenAModelIsTrainedOnTheIndices() throws Exception {
        TableData indexed = index(CREDIT, Map.of("columns", List.of("purpose", "housing")));

        for (String learner : List.of("logistic-regression", "decision-tree-classifier")) {
            ModelData model = (ModelData) TestRun.execute(learner, Map.of("labelColumn", "class",
                    "featureColumns", List.of("purpose_index", "housing_index", "duration")), Map.of("in", indexed))
                    .get("model");
            PmmlParity.assertSparkAndPmmlAgree(model, CREDIT.rows(), learner + " on string indices");
        }
    }

    private static TableData index(TableData in, Map<String, Object> params) {
        return (TableData) TestRun.execute("string-index", params, Map.of("in", in)).get("out");
    }
}
