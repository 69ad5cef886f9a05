package io.easel.components.builtin.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class AggregationTest {

    private static final TableData CREDIT = TestRun.dataset("credit_g");

    @Test
    void shouldComputeEachGroupsMeanAndRowCountAsByHand() {
        TableData out = Prep.out("group-by", Map.of("groupBy", List.of("purpose"),
                "values", List.of("credit_amount", "age"), "function", "mean"), CREDIT);

        Map<String, List<Row>> byPurpose = Prep.rows(CREDIT).stream()
                .collect(Collectors.groupingBy(r -> r.getAs("purpose")));
        List<Row> groups = Prep.rows(out);
        assertThat(Prep.columns(out)).containsExactly("purpose", "credit_amount", "age", "rows");
        assertThat(groups).hasSize(byPurpose.size());
        for (Row group : groups) {
            List<Row> members = byPurpose.get(group.<String>getAs("purpose"));
            assertThat(group.<Long>getAs("rows")).isEqualTo(members.size());
            assertThat(group.<Double>getAs("credit_amount")).isCloseTo(members.stream()
                    .mapToInt(r -> r.<Integer>getAs("credit_amount")).average().orElseThrow(), within(1e-9));
        }
        assertThat(out.lineage().inputBoundary()).isPresent();
    }

    @Test
    void shouldCountDistinctValuesOverTheWholeTableWithoutGroups() {
        TableData out = Prep.out("group-by", Map.of("values", List.of("age", "duration"),
                "function", "distinctCount"), CREDIT);

        Row only = out.rows().first();
        assertThat(only.<Long>getAs("age"))
                .isEqualTo(Prep.rows(CREDIT).stream().map(r -> r.getAs("age")).distinct().count());
        assertThat(only.<Long>getAs("rows")).isEqualTo(1000);
    }

    @Test
    void shouldPivotEachValueIntoAColumnHoldingTheGroupAggregate() {
        TableData out = Prep.out("pivot", Map.of("groupBy", List.of("purpose"), "pivot", "housing",
                "value", "credit_amount", "function", "sum"), CREDIT);

        assertThat(Prep.columns(out)).containsExactly("purpose", "for free", "own", "rent");
        Row radio = out.rows().filter("purpose = 'radio/tv'").first();
        double byHand = Prep.rows(CREDIT).stream()
                .filter(r -> "radio/tv".equals(r.getAs("purpose")) && "own".equals(r.getAs("housing")))
                .mapToInt(r -> r.<Integer>getAs("credit_amount")).sum();
        assertThat(radio.<Double>getAs("own")).isEqualTo(byHand);
    }

    @Test
    void shouldRefuseToPivotAColumnWithTooManyValues() {
        assertThatThrownBy(() -> Prep.out("pivot", Map.of("groupBy", List.of("purpose"), "pivot", "credit_amount",
                "value", "age"), CREDIT)).hasMessageContaining("Param 'pivot'").hasMessageContaining("more than 200");
    }
}
