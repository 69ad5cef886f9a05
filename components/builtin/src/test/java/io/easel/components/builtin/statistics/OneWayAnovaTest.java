package io.easel.components.builtin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.testing.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.FDistribution;
import org.junit.jupiter.api.Test;

class OneWayAnovaTest {

    @Test
    void shouldMatchTheTextbookFOnIrisSepalLengthBySpecies() {
        Stats stats = Stats.run(OneWayAnova.ID, Map.of("valueColumn", "sepal_length_cm", "groupColumn", "species"),
                "iris");

        Anova hand = Anova.of(DatasetCsv.read("iris"), "sepal_length_cm", "species");
        // scipy.stats.f_oneway gives F = 119.2645 on these data
        assertThat(stats.metric("f")).isCloseTo(hand.f(), within(1e-9)).isCloseTo(119.2645, within(1e-4));
        assertThat(stats.metric("degreesOfFreedomBetween")).isEqualTo(2);
        assertThat(stats.metric("degreesOfFreedomWithin")).isEqualTo(147);
        assertThat(stats.report().metrics()).containsEntry("differ", true);
        assertThat((Double) stats.tableChart("groupStatistics").get("setosa").get(2)).isCloseTo(5.006, within(1e-12));
    }

    @Test
    void shouldGiveTheFDistributionsPValueOnAgeByCreditPurpose() {
        Stats stats = Stats.run(OneWayAnova.ID, Map.of("valueColumn", "age", "groupColumn", "purpose"), "credit_g");

        Anova hand = Anova.of(DatasetCsv.read("credit_g"), "age", "purpose");
        assertThat(stats.metric("f")).isCloseTo(hand.f(), within(1e-9 * hand.f()));
        // scipy.stats.f_oneway: F = 3.3440, p = 0.000483
        assertThat(stats.metric("pValue")).isCloseTo(hand.pValue(), within(1e-9)).isCloseTo(0.000483, within(1e-6));
        assertThat(stats.metric("groups")).isEqualTo(hand.groups().size());
    }

    @Test
    void shouldRefuseASingleGroup() {
        assertThatThrownBy(() -> Stats.run(OneWayAnova.ID, Map.of("valueColumn", "x", "groupColumn", "g"),
                Tables.of("x:double,g:string", new Object[] {1.0, "a"}, new Object[] {2.0, "a"},
                        new Object[] {3.0, null})))
                .hasMessageContaining("Param 'groupColumn'").hasMessageContaining("at least two");
    }

    /** The one-way ANOVA of a textbook: sums of squares between and within the groups, two-pass. */
    record Anova(Map<String, List<Double>> groups) {
        static Anova of(DatasetCsv csv, String value, String group) {
            Map<String, List<Double>> groups = new TreeMap<>();
            List<String> values = csv.strings(value);
            List<String> keys = csv.strings(group);
            for (int i = 0; i < values.size(); i++) {
                groups.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(Double.parseDouble(values.get(i)));
            }
            return new Anova(groups);
        }

        int n() {
            return groups.values().stream().mapToInt(List::size).sum();
        }

        double f() {
            double grand = groups.values().stream().flatMap(List::stream).mapToDouble(d -> d).sum() / n();
            double between = 0;
            double within = 0;
            for (List<Double> g : groups.values()) {
                double mean = g.stream().mapToDouble(d -> d).average().orElseThrow();
                between += g.size() * (mean - grand) * (mean - grand);
                within += g.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            }
            return (between / (groups.size() - 1)) / (within / (n() - groups.size()));
        }

        double pValue() {
            return 1 - new FDistribution(groups.size() - 1, n() - groups.size()).cumulativeProbability(f());
        }
    }
}
