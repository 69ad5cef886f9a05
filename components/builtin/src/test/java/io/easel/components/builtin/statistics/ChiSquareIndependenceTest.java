package io.easel.components.builtin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ChiSquareIndependenceTest {

    private static final List<String> CREDIT_FEATURES = List.of("checking_status", "credit_history", "purpose",
            "savings_status", "housing", "installment_commitment", "own_telephone");

    @Test
    void shouldMatchAContingencyTableCountedByHandOnCreditG() {
        DatasetCsv csv = DatasetCsv.read("credit_g");
        Stats stats = Stats.run(ChiSquareIndependence.ID, Map.of("labelColumn", "class",
                "featureColumns", CREDIT_FEATURES), "credit_g");

        List<Row> tests = stats.table();
        assertThat(tests).extracting(r -> r.getString(0)).containsExactlyInAnyOrderElementsOf(CREDIT_FEATURES);
        for (Row test : tests) {
            Contingency hand = Contingency.of(csv.strings(test.getString(0)), csv.strings("class"));
            String feature = test.getString(0);
            assertThat(test.getDouble(1)).as(feature).isCloseTo(hand.statistic(), within(1e-9));
            assertThat(test.getInt(2)).as(feature).isEqualTo(hand.degreesOfFreedom());
            assertThat(test.getDouble(3)).as(feature).isCloseTo(hand.pValue(), within(1e-9));
            assertThat(test.getDouble(4)).as(feature).isCloseTo(hand.cramersV(), within(1e-9));
        }
        // checking status is the attribute most related to the risk (chi-square 123.7 on 3 degrees of freedom)
        assertThat(tests.getFirst().getString(0)).isEqualTo("checking_status");
        assertThat(tests.getFirst().getDouble(1)).isCloseTo(123.72, within(0.01));
        // own_telephone is not related at the 5% level
        assertThat(tests).filteredOn(r -> r.getString(0).equals("own_telephone")).singleElement()
                .matches(r -> r.getDouble(3) > 0.05);
        assertThat(stats.metric("dependent")).isEqualTo(tests.stream().filter(r -> r.getDouble(3) < 0.05).count());
        assertThat(stats.metric("rows")).isEqualTo(1000);
    }

    @Test
    void shouldCountAMissingVoteAsACategoryOfItsOwn() {
        DatasetCsv csv = DatasetCsv.read("vote");
        Stats stats = Stats.run(ChiSquareIndependence.ID, Map.of("labelColumn", "Class",
                "featureColumns", List.of("water_project_cost_sharing")), "vote");

        Contingency hand = Contingency.of(csv.strings("water_project_cost_sharing"), csv.strings("Class"));
        assertThat(hand.counts()).containsKey("null");
        Row test = stats.table().getFirst();
        assertThat(test.getDouble(1)).isCloseTo(hand.statistic(), within(1e-9));
        assertThat(test.getInt(2)).isEqualTo(2);
        assertThat(test.getInt(5)).isEqualTo(3);
    }

    @Test
    void shouldRefuseALabelWithOneClass() {
        assertThatThrownBy(() -> Stats.run(ChiSquareIndependence.ID, Map.of("labelColumn", "foreign_worker",
                "featureColumns", List.of("housing")), io.easel.components.testing.Tables.of(
                "housing:string,foreign_worker:string", new Object[] {"own", "yes"}, new Object[] {"rent", "yes"})))
                .hasMessageContaining("Param 'labelColumn'").hasMessageContaining("at least two");
    }
}
