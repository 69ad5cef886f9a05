package io.easel.components.builtin.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static final TableData IRIS = TestRun.dataset("iris");

    @Test
    void shouldNumberRowsFromOneWithinEachPartition() {
        TableData out = Prep.out("window-function", Map.of("function", "rowNumber",
                "partitionBy", List.of("species"), "orderBy", List.of("sepal_length_cm"), "output", "n"), IRIS);

        assertThat(out.rows().groupBy("species").max("n").collectAsList())
                .allMatch(r -> r.getInt(1) == 50);
        Row smallestSetosa = out.rows().filter("species = 'setosa' AND n = 1").first();
        assertThat(smallestSetosa.<Double>getAs("sepal_length_cm")).isEqualTo(Prep.rows(IRIS).stream()
                .filter(r -> "setosa".equals(r.getAs("species")))
                .mapToDouble(r -> r.<Double>getAs("sepal_length_cm")).min().orElseThrow());
    }

    @Test
    void shouldEndEachPartitionsRunningSumAtItsTotal() {
        TableData out = Prep.out("window-function", Map.of("function", "runningSum", "value", "petal_length_cm",
                "partitionBy", List.of("species"), "orderBy", List.of("petal_length_cm"), "output", "total"), IRIS);

        for (String species : List.of("setosa", "versicolor", "virginica")) {
            double total = Prep.rows(IRIS).stream().filter(r -> species.equals(r.getAs("species")))
                    .mapToDouble(r -> r.<Double>getAs("petal_length_cm")).sum();
            double last = out.rows().filter("species = '" + species + "'").agg(
                    org.apache.spark.sql.functions.max("total")).first().getDouble(0);
            assertThat(last).isCloseTo(total, within(1e-9));
        }
        assertThat(out.rows().count()).isEqualTo(150);
    }

    @Test
    void shouldGiveTiesTheSameRank() {
        TableData out = Prep.out("window-function", Map.of("function", "rank", "orderBy",
                List.of("sepal_length_cm"), "descending", true, "output", "r"), IRIS);

        List<Row> top = Prep.rows(out).stream().filter(r -> r.<Integer>getAs("r") == 1).toList();
        double max = Prep.rows(IRIS).stream().mapToDouble(r -> r.<Double>getAs("sepal_length_cm")).max()
                .orElseThrow();
        assertThat(top).isNotEmpty().allMatch(r -> r.<Double>getAs("sepal_length_cm") == max);
    }

    @Test
    void shouldTakeThePreviousRowsValueWithLagAndNothingForTheFirst() {
        TableData numbered = Prep.out("append-id", Map.of("kind", "rowNumber", "orderBy",
                List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm")), IRIS);
        TableData out = Prep.out("lag-lead", Map.of("direction", "lag", "value", "petal_width_cm",
                "orderBy", List.of("id"), "output", "previous"), numbered);

        List<Row> rows = Prep.rows(out).stream().sorted(Comparator.comparingLong(r -> r.<Long>getAs("id"))).toList();
        assertThat(rows.getFirst().<Double>getAs("previous")).isNull();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).<Double>getAs("previous")).isEqualTo(rows.get(i - 1).<Double>getAs("petal_width_cm"));
        }
    }
}
