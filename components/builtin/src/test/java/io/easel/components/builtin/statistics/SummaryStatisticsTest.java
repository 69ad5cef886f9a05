package io.easel.components.builtin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.testing.Tables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SummaryStatisticsTest {

    private static final DatasetCsv DIABETES = DatasetCsv.read("diabetes");

    @Test
    void shouldMatchMomentsComputedFromTheCsvAndQuartilesWithinTheRelativeError() {
        double relativeError = 0.01;
        Stats stats = Stats.run(SummaryStatistics.ID, Map.of("relativeError", relativeError), "diabetes");

        List<Row> rows = stats.table();
        assertThat(rows).extracting(r -> r.getString(0)).containsExactlyElementsOf(DIABETES.header());
        for (Row row : rows) {
            double[] x = DIABETES.numbers(row.getString(0));
            assertThat(row.getLong(1)).isEqualTo(442);
            assertThat(row.getLong(2)).isZero();
            assertThat(row.getDouble(3)).as(row.getString(0)).isCloseTo(DatasetCsv.mean(x), within(1e-9));
            assertThat(row.getDouble(4)).as(row.getString(0)).isCloseTo(DatasetCsv.std(x), within(1e-9));
            assertThat(row.getDouble(5)).isEqualTo(Arrays.stream(x).min().orElseThrow());
            assertThat(row.getDouble(9)).isEqualTo(Arrays.stream(x).max().orElseThrow());
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            assertWithinRank(sorted, 0.25, relativeError, row.getDouble(6));
            assertWithinRank(sorted, 0.5, relativeError, row.getDouble(7));
            assertWithinRank(sorted, 0.75, relativeError, row.getDouble(8));
        }
        assertThat(stats.metric("rows")).isEqualTo(442);
        assertThat(stats.metric("columns")).isEqualTo(11);
        assertThat(stats.tableChart("summary").get("bmi").get(3)).isEqualTo(rows.get(2).getDouble(3));
    }

    @Test
    void shouldCountNullAndNaNAsMissingAndLeaveThemOutOfTheStatistics() {
        Stats stats = Stats.run(SummaryStatistics.ID, Map.of(), Tables.of("x:double,n:integer",
                new Object[] {1.0, 5}, new Object[] {Double.NaN, null}, new Object[] {3.0, null},
                new Object[] {null, null}));

        Row x = stats.table().get(0);
        assertThat(x.getLong(1)).isEqualTo(2);
        assertThat(x.getLong(2)).isEqualTo(2);
        assertThat(x.getDouble(3)).isEqualTo(2.0);
        assertThat(x.getDouble(4)).isCloseTo(Math.sqrt(2), within(1e-12));
        Row n = stats.table().get(1);
        assertThat(n.getLong(1)).isEqualTo(1);
        assertThat(n.isNullAt(4)).as("no std of one value").isTrue();
        assertThat(stats.metric("columnsWithMissing")).isEqualTo(2);
    }

    @Test
    void shouldSayWhenTheTableHasNoNumericColumn() {
        assertThatThrownBy(() -> Stats.run(SummaryStatistics.ID, Map.of(), Tables.of("s:string",
                new Object[] {"a"}))).hasMessageContaining("param 'columns'").hasMessageContaining("there is none");
    }

    /**
     * The quantiles' guarantee: {@code value}, returned for p, has a rank within {@code (p ± relativeError) × n} of
     * the n sorted values. Its ranks run from the count of values below it to the count of values up to it (a run of
     * equal values spans many ranks; a value between two others has one), and one of them must be that close to
     * p × n.
     */
    static void assertWithinRank(double[] sorted, double p, double relativeError, double value) {
        int n = sorted.length;
        int below = (int) Arrays.stream(sorted).filter(x -> x < value).count();
        int upTo = (int) Arrays.stream(sorted).filter(x -> x <= value).count();
        double target = p * n;
        double off = target < below ? below - target : target > upTo ? target - upTo : 0;
        assertThat(off / n).as("rank error of %s for p = %s among %s values", value, p, n)
                .isLessThanOrEqualTo(relativeError);
    }
}
