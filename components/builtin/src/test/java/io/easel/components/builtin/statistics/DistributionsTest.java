package io.easel.components.builtin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Histogram, percentiles, value counts and crosstab against counts made from the CSVs with plain Java. */
class DistributionsTest {

    private static final DatasetCsv CREDIT = DatasetCsv.read("credit_g");

    @Test
    @SuppressWarnings("unchecked")
    void shouldCountIrisPetalLengthsInTheBinsOfTheRangeSet() {
        Stats stats = Stats.run(Histogram.ID, Map.of("column", "petal_length_cm", "bins", 10, "lowest", 1.5,
                "highest", 6.5), "iris");

        long[] hand = new long[10];
        long below = 0;
        long above = 0;
        for (double v : DatasetCsv.read("iris").numbers("petal_length_cm")) {
            if (v < 1.5) {
                below++;
            } else if (v > 6.5) {
                above++;
            } else {
                hand[Math.min(9, (int) Math.floor((v - 1.5) / 0.5))]++;
            }
        }
        Map<String, Object> histogram = stats.chart("histogram");
        assertThat((List<Double>) histogram.get("edges")).hasSize(11).startsWith(1.5, 2.0).endsWith(6.5);
        assertThat((List<Long>) histogram.get("counts")).containsExactlyElementsOf(Arrays.stream(hand).boxed().toList());
        assertThat(below).isPositive();
        assertThat(stats.report().metrics()).containsEntry("belowRange", below).containsEntry("aboveRange", above)
                .containsEntry("missing", 0L).containsEntry("counted", 150 - below - above);
    }

    @Test
    void shouldRefuseARangeThatRunsBackwards() {
        assertThatThrownBy(() -> Stats.run(Histogram.ID, Map.of("column", "petal_length_cm", "lowest", 5.0,
                "highest", 2.0), "iris")).hasMessageContaining("'lowest' and 'highest'");
    }

    @Test
    void shouldGiveEachPercentileWithinTheRelativeError() {
        double relativeError = 0.02;
        Stats stats = Stats.run(Percentiles.ID, Map.of("columns", List.of("bmi", "s5"),
                "probabilities", "0.05, 0.5, 0.95", "relativeError", relativeError), "diabetes");

        DatasetCsv csv = DatasetCsv.read("diabetes");
        List<Row> rows = stats.table();
        assertThat(rows).hasSize(6);
        for (Row row : rows) {
            double[] sorted = csv.numbers(row.getString(0));
            Arrays.sort(sorted);
            SummaryStatisticsTest.assertWithinRank(sorted, row.getDouble(1), relativeError, row.getDouble(2));
        }
        assertThat(stats.tableChart("percentiles")).containsOnlyKeys(0.05, 0.5, 0.95);
    }

    @Test
    void shouldExplainAProbabilityOutsideZeroToOne() {
        assertThatThrownBy(() -> Stats.run(Percentiles.ID, Map.of("probabilities", "0.5, 95"), "diabetes"))
                .hasMessageContaining("Param 'probabilities'").hasMessageContaining("95");
    }

    @Test
    void shouldCountEveryPurposeAsTheCsvDoesAndAddUpToTheRowCount() {
        Stats stats = Stats.run(ValueCounts.ID, Map.of("column", "purpose", "top", 100), "credit_g");

        Map<String, Long> hand = CREDIT.strings("purpose").stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<Row> rows = stats.table();
        assertThat(rows.stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1))))
                .isEqualTo(hand);
        assertThat(rows.stream().mapToLong(r -> r.getLong(1)).sum()).isEqualTo(1000);
        assertThat(rows).extracting(r -> r.getLong(1)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(rows.getFirst().getDouble(2)).isCloseTo(hand.get("radio/tv") / 1000.0, within(1e-12));
        assertThat(stats.report().metrics()).containsEntry("distinct", (long) hand.size())
                .containsEntry("otherRows", 0L);
    }

    @Test
    void shouldCountMissingVotesAndTheRowsBeyondTheTopValues() {
        Stats stats = Stats.run(ValueCounts.ID, Map.of("column", "crime", "top", 2), "vote");

        List<String> votes = DatasetCsv.read("vote").strings("crime");
        long missing = votes.stream().filter(Objects::isNull).count();
        assertThat(missing).isPositive();
        List<Row> rows = stats.table();
        assertThat(rows).hasSize(2);
        long shown = rows.stream().mapToLong(r -> r.getLong(1)).sum();
        assertThat(stats.report().metrics()).containsEntry("missing", missing)
                .containsEntry("otherRows", votes.size() - shown);
        assertThat(shown + ((Number) stats.report().metrics().get("otherRows")).longValue()).isEqualTo(votes.size());
    }

    @Test
    void shouldCrossHousingWithRiskAsCountedByHandAndTestIndependenceAsTheChiSquareTestDoes() {
        Stats stats = Stats.run(Crosstab.ID, Map.of("rowColumn", "housing", "columnColumn", "class"), "credit_g");

        Contingency hand = Contingency.of(CREDIT.strings("housing"), CREDIT.strings("class"));
        List<Row> rows = stats.table();
        assertThat(List.of(stats.tableData().rows().columns())).containsExactly("housing_class", "bad", "good");
        assertThat(rows).extracting(r -> r.getString(0)).containsExactly("for free", "own", "rent");
        for (Row row : rows) {
            assertThat(row.getLong(1)).isEqualTo(hand.count(row.getString(0), "bad"));
            assertThat(row.getLong(2)).isEqualTo(hand.count(row.getString(0), "good"));
        }
        assertThat(stats.metric("rows")).isEqualTo(1000);
        assertThat(stats.metric("chiSquare")).isCloseTo(hand.statistic(), within(1e-9));
        assertThat(stats.metric("pValue")).isCloseTo(hand.pValue(), within(1e-9));
        assertThat(stats.metric("cramersV")).isCloseTo(hand.cramersV(), within(1e-9));
        Row test = Stats.run(ChiSquareIndependence.ID, Map.of("labelColumn", "class",
                "featureColumns", List.of("housing")), "credit_g").table().getFirst();
        assertThat(stats.metric("chiSquare")).isCloseTo(test.getDouble(1), within(1e-9));
    }
}
