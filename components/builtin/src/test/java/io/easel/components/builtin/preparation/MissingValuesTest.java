package io.easel.components.builtin.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class MissingValuesTest {

    private static final TableData VOTE = TestRun.dataset("vote");

    @Test
    void shouldLeaveNoMissingVoteAndFillEachWithItsMostFrequentVote() {
        TableData filled = Prep.out("fill-missing", Map.of("strategy", "mode"), VOTE);

        for (String column : VOTE.rows().columns()) {
            assertThat(filled.rows().filter(filled.rows().col(column).isNull()).count()).as(column).isZero();
        }
        Map<Object, Long> immigration = Prep.rows(VOTE).stream().filter(r -> r.getAs("immigration") != null)
                .collect(Collectors.groupingBy(r -> r.getAs("immigration"), Collectors.counting()));
        Object mode = immigration.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long missing = VOTE.rows().filter("immigration IS NULL").count();
        assertThat(missing).isPositive();
        assertThat(filled.rows().filter(filled.rows().col("immigration").equalTo(mode)).count())
                .isEqualTo(immigration.get(mode) + missing);
        assertThat(filled.rows().schema()).isEqualTo(VOTE.rows().schema().asNullable());
    }

    @Test
    void shouldFillNumbersWithTheMeanRoundedForWholeNumbersAndKeepTheirTypes() {
        TableData table = Tables.of("n:integer,x:double,t:string",
                new Object[] {1, 1.0, "a"}, new Object[] {2, null, null}, new Object[] {null, 4.0, "a"},
                new Object[] {4, Double.NaN, "b"});
        TableData filled = Prep.out("fill-missing", Map.of("strategy", "mean"), table);

        assertThat(filled.rows().schema().fields()).extracting(f -> f.dataType())
                .containsExactly(DataTypes.IntegerType, DataTypes.DoubleType, DataTypes.StringType);
        List<Row> rows = Prep.rows(filled);
        assertThat(rows.get(2).<Integer>getAs("n")).isEqualTo(2); // mean 7/3 rounded
        assertThat(rows.get(1).<Double>getAs("x")).isEqualTo(2.5); // NaN is missing too: mean of 1 and 4
        assertThat(rows.get(3).<Double>getAs("x")).isEqualTo(2.5);
        assertThat(rows.get(1).<String>getAs("t")).isEqualTo("a"); // text takes its most frequent value
    }

    @Test
    void shouldFillWithAConstantAndRefuseTextForNumbers() {
        TableData table = Tables.of("n:double,t:string", new Object[] {null, null}, new Object[] {2.0, "b"});

        assertThat(Prep.rows(Prep.out("fill-missing", Map.of("columns", List.of("n"), "strategy", "constant",
                "constant", "-1"), table)).getFirst().<Double>getAs("n")).isEqualTo(-1.0);
        assertThatThrownBy(() -> Prep.out("fill-missing", Map.of("strategy", "constant", "constant", "none"), table))
                .hasMessageContaining("Param 'constant'").hasMessageContaining("column 'n'");
    }

    @Test
    void shouldLetAModelTrainedAfterTheFillScoreRawRecordsWithMissingValuesInPmml() throws Exception {
        // The votes only: a label changed by a step is no longer the raw label a PMML model predicts.
        List<String> votes = Arrays.stream(VOTE.rows().columns()).filter(c -> !c.equals("Class")).toList();
        TableData filled = Prep.out("fill-missing", Map.of("columns", votes, "strategy", "mode"), VOTE);
        ModelData model = (ModelData) TestRun.execute("logistic-regression", Map.of("labelColumn", "Class"), Map.of("in", filled)).get("model");

        PmmlParity.assertSparkAndPmmlAgree(model, VOTE.rows(), "logistic regression after fill-missing");
    }

    /** Whole-number columns are filled as decimals and cast back: the exported model repeats both steps. */
    @Test
    void shouldLetAModelTrainedAfterFillingWholeNumberColumnsScoreRawRecordsInPmml() throws Exception {
        TableData credit = TestRun.dataset("credit_g");
        TableData filled = Prep.out("fill-missing", Map.of("columns", List.of("age", "duration", "credit_amount"),
                "strategy", "mean"), credit);
        ModelData model = (ModelData) TestRun.execute("logistic-regression", Map.of("labelColumn", "class"),
                Map.of("in", filled)).get("model");

        PmmlParity.assertSparkAndPmmlAgree(model, credit.rows(), "logistic regression after filling whole numbers");
    }

    @Test
    void shouldDropRowsWithAnyOrAllChosenColumnsMissing() {
        String[] two = {"immigration", "crime"};
        long anyByHand = Prep.rows(VOTE).stream()
                .filter(r -> Arrays.stream(two).anyMatch(c -> r.getAs(c) == null)).count();
        long allByHand = Prep.rows(VOTE).stream()
                .filter(r -> Arrays.stream(two).allMatch(c -> r.getAs(c) == null)).count();

        assertThat(Prep.out("drop-missing", Map.of("columns", List.of(two), "how", "any"), VOTE).rows().count())
                .isEqualTo(435 - anyByHand);
        assertThat(Prep.out("drop-missing", Map.of("columns", List.of(two), "how", "all"), VOTE).rows().count())
                .isEqualTo(435 - allByHand);
        TableData complete = Prep.out("drop-missing", Map.of(), VOTE);
        assertThat(Prep.rows(complete)).allMatch(r -> !r.anyNull());
        assertThat(complete.lineage()).isEqualTo(VOTE.lineage());
    }
}
