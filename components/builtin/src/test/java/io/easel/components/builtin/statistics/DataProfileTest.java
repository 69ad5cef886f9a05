package io.easel.components.builtin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestSpark;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataProfileTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldProfileEveryCreditGColumnAsCountedFromTheCsv() {
        DatasetCsv csv = DatasetCsv.read("credit_g");
        Stats stats = Stats.run(DataProfile.ID, Map.of("topValues", 3), "credit_g");

        Map<Object, List<Object>> profile = stats.tableChart("profile");
        assertThat(profile).hasSize(csv.header().size());
        for (String column : csv.header()) {
            long distinct = csv.strings(column).stream().distinct().count();
            assertThat(profile.get(column).get(5)).as(column).isEqualTo(distinct);
        }
        List<Object> purpose = profile.get("purpose");
        assertThat(purpose.subList(1, 6)).containsExactly("string", 1000L, 0L, 0.0, 10L);
        Map<String, Long> counts = csv.strings("purpose").stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        String mostFrequent = counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3).map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
        assertThat(purpose.get(10)).isEqualTo(mostFrequent);
        double[] amounts = csv.numbers("credit_amount");
        List<Object> amount = profile.get("credit_amount");
        assertThat((Double) amount.get(6)).isCloseTo(DatasetCsv.mean(amounts), within(1e-9));
        assertThat((Double) amount.get(7)).isCloseTo(DatasetCsv.std(amounts), within(1e-9));
        Map<String, Map<String, Object>> histograms = stats.chart("histograms");
        assertThat(histograms).containsKeys("credit_amount", "duration", "age").doesNotContainKey("purpose");
        assertThat(((List<Long>) histograms.get("credit_amount").get("counts")).stream().mapToLong(Long::longValue)
                .sum()).isEqualTo(1000);
        assertThat((String) profile.get("duration").get(10)).startsWith("24 (184), 12 (179)");
        assertThat(stats.report().metrics()).containsEntry("rows", 1000L).containsEntry("completeRows", 1000L)
                .containsEntry("columnsWithMissing", 0L);
    }

    @Test
    void shouldCountTheMissingVotesOfEachColumnAndTheCompleteRows() {
        DatasetCsv csv = DatasetCsv.read("vote");
        Stats stats = Stats.run(DataProfile.ID, Map.of(), "vote");

        Map<Object, List<Object>> profile = stats.tableChart("profile");
        for (String column : csv.header()) {
            long missing = csv.strings(column).stream().filter(Objects::isNull).count();
            assertThat(profile.get(column).get(3)).as(column).isEqualTo(missing);
            assertThat((Double) profile.get(column).get(4)).isCloseTo(missing / 435.0, within(1e-12));
        }
        long complete = csv.rows().stream().filter(r -> List.of(r).stream().noneMatch(String::isEmpty)).count();
        assertThat(stats.report().metrics()).containsEntry("completeRows", complete);
        assertThat(stats.report().charts()).doesNotContainKey("histograms");
    }

    /** Every column of credit_g counted in plain Java from the CSV: the one pass gives exactly the same. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveEveryCreditGColumnsDistinctCountTopValuesAndHistogramAsPlainJavaCountsThem() {
        DatasetCsv csv = DatasetCsv.read("credit_g");
        Stats stats = Stats.run(DataProfile.ID, Map.of("topValues", 5, "bins", 12), "credit_g");

        Map<Object, List<Object>> profile = stats.tableChart("profile");
        Map<String, Map<String, Object>> histograms = stats.chart("histograms");
        for (String column : csv.header()) {
            Map<String, Long> counts = csv.strings(column).stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            String top = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(5).map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
            assertThat(profile.get(column).get(5)).as(column).isEqualTo((long) counts.size());
            assertThat(profile.get(column).get(10)).as(column).isEqualTo(top);
            if (histograms.containsKey(column)) {
                assertThat((List<Long>) histograms.get(column).get("counts")).as(column)
                        .isEqualTo(binCounts(csv.numbers(column), 12));
            }
        }
        assertThat(histograms).hasSize(7);
        assertThat(stats.report().metrics()).containsEntry("estimatedDistinct", 0);
    }

    /**
     * Synthetic on purpose: the bundled tables are too small to cross the limit. An id column is too varied to count
     * value by value; its distinct count is estimated and it lists no top values, while a code beside it is counted.
     * Each of the four partitions holds fewer than the limit's distinct ids: only their merge crosses it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldEstimateTheDistinctCountOfAColumnTooVariedToCountValueByValue() {
        long rows = 3L * DataProfile.COUNTED_DISTINCT;
        TableData in = TableData.source(TestSpark.session().range(0, rows, 1, 4)
                .selectExpr("id", "CAST(id % 7 AS INT) AS code", "randn(11) AS x"));
        Stats stats = Stats.run(DataProfile.ID, Map.of("topValues", 3), in);

        Map<Object, List<Object>> profile = stats.tableChart("profile");
        assertThat(((Number) profile.get("id").get(5)).doubleValue()).isCloseTo(rows, within(0.03 * rows));
        assertThat(((Number) profile.get("x").get(5)).doubleValue()).isCloseTo(rows, within(0.03 * rows));
        assertThat(profile.get("id").get(10)).isEqualTo("");
        assertThat(profile.get("code").get(5)).isEqualTo(7L);
        assertThat(profile.get("code").get(10)).isEqualTo("0 (4286), 1 (4286), 2 (4286)");
        assertThat(stats.report().metrics()).containsEntry("estimatedDistinct", 2);
        Map<String, Map<String, Object>> histograms = stats.chart("histograms");
        assertThat(((List<Long>) histograms.get("id").get("counts")).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(rows);
        // the varied columns' histograms come from t-digests: each bin within 0.2 % of the rows of the exact count
        double[] x = in.rows().select("x").collectAsList().stream().mapToDouble(r -> r.getDouble(0)).toArray();
        List<Long> exact = binCounts(x, 20);
        List<Long> estimated = (List<Long>) histograms.get("x").get("counts");
        assertThat(estimated.stream().mapToLong(Long::longValue).sum()).isEqualTo(rows);
        for (int bin = 0; bin < exact.size(); bin++) {
            assertThat(estimated.get(bin)).as("bin " + bin).isCloseTo(exact.get(bin), within((long) (0.002 * rows)));
        }
    }

    /** Counts of {@code values} in {@code bins} equal-width bins from their minimum to their maximum (in the last). */
    private static List<Long> binCounts(double[] values, int bins) {
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        long[] counts = new long[max > min ? bins : 1];
        for (double value : values) {
            counts[max > min ? Math.min((int) ((value - min) / ((max - min) / bins)), bins - 1) : 0]++;
        }
        return Arrays.stream(counts).boxed().toList();
    }
}
