package io.easel.components.builtin.preparation;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RowSelectionTest {

    private static final TableData CREDIT = TestRun.dataset("credit_g");
    private static final TableData IRIS = TestRun.dataset("iris");

    @Test
    void shouldKeepTheLargestAmountsInOrderAfterASortAndALimit() {
        TableData sorted = Prep.out("sort-rows", Map.of("columns", List.of("credit_amount"), "descending", true),
                CREDIT);
        TableData top = Prep.out("limit-rows", Map.of("rows", 10), sorted);

        List<Integer> byHand = Prep.rows(CREDIT).stream().map(r -> r.<Integer>getAs("credit_amount"))
                .sorted(Comparator.reverseOrder()).limit(10).toList();
        assertThat(Prep.rows(top).stream().map(r -> r.<Integer>getAs("credit_amount")).toList())
                .containsExactlyElementsOf(byHand);
        assertThat(top.order()).isNotEmpty();
        assertThat(top.lineage()).isEqualTo(CREDIT.lineage());
    }

    @Test
    void shouldKeepOneRowPerDistinctValueOfTheComparedColumns() {
        TableData some = Prep.out("deduplicate", Map.of("columns", List.of("purpose", "housing")), CREDIT);
        TableData all = Prep.out("deduplicate", Map.of(), IRIS);

        assertThat(some.rows().count()).isEqualTo(Prep.rows(CREDIT).stream()
                .map(r -> r.getAs("purpose") + "|" + r.getAs("housing")).distinct().count());
        // iris has one exact duplicate row (two identical virginica flowers)
        assertThat(all.rows().count()).isEqualTo(Prep.rows(IRIS).stream().map(Row::toString).distinct().count())
                .isLessThan(150);
    }

    @Test
    void shouldSampleExactlyNRowsWithoutReplacementAndRepeatRowsWithIt() {
        TableData fifty = Prep.out("sample-rows", Map.of("sizeBy", "rows", "rows", 50), CREDIT);
        TableData bootstrap = Prep.out("sample-rows", Map.of("sizeBy", "fraction", "fraction", 1.0,
                "withReplacement", true, "seed", 3), IRIS);

        assertThat(fifty.rows().count()).isEqualTo(50);
        assertThat(fifty.rows().distinct().count()).isEqualTo(50);
        assertThat(fifty.rows().except(CREDIT.rows()).count()).isZero();
        long drawn = bootstrap.rows().count();
        assertThat(drawn).isBetween(110L, 190L);
        assertThat(bootstrap.rows().distinct().count()).isLessThan(drawn);
    }

    @Test
    void shouldSplitEverySpeciesByTheFractionExactlyKeepingEveryRow() {
        Map<String, Object> split = TestRun.execute("stratified-split", Map.of("column", "species",
                "fraction", 0.7, "seed", 5), Map.of("in", IRIS));
        TableData train = (TableData) split.get("train");
        TableData test = (TableData) split.get("test");

        assertThat(perSpecies(train)).containsOnly(Map.entry("setosa", 35L), Map.entry("versicolor", 35L),
                Map.entry("virginica", 35L));
        assertThat(perSpecies(test)).containsOnly(Map.entry("setosa", 15L), Map.entry("versicolor", 15L),
                Map.entry("virginica", 15L));
        assertThat(train.rows().union(test.rows()).except(IRIS.rows()).count()).isZero();
        assertThat(IRIS.rows().except(train.rows().union(test.rows())).count()).isZero();
    }

    @Test
    void shouldSampleTheSameShareOfEveryClass() {
        TableData sample = Prep.out("stratified-sample", Map.of("column", "class", "fraction", 0.2), CREDIT);

        Map<Object, Long> classes = Prep.rows(sample).stream()
                .collect(Collectors.groupingBy(r -> r.getAs("class"), Collectors.counting()));
        assertThat(classes).containsOnly(Map.entry("good", 140L), Map.entry("bad", 60L));
    }

    private static Map<Object, Long> perSpecies(TableData table) {
        return Prep.rows(table).stream().collect(Collectors.groupingBy(r -> r.getAs("species"),
                Collectors.counting()));
    }
}
