package io.easel.components.builtin.statistics;

import static io.easel.components.builtin.statistics.SummaryStatisticsTest.assertWithinRank;
import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.testing.TestSpark;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The t-digest quantiles against exact ones from sorted columns: a bundled dataset and 200,000 synthetic rows in four
 * partitions (so the digests of several partitions are merged) of a skewed continuous column and of a column whose
 * values are mostly ties. A relative error of 0.0001 checks the summaries that take over below the digests' finest.
 */
class QuantilesTest {

    private static final double[] EVERY_PERCENT = IntStream.rangeClosed(0, 100).mapToDouble(i -> i / 100.0).toArray();
    private static final List<ColumnSpec> SYNTHETIC = List.of(ColumnSpec.of("skewed", DataType.DOUBLE),
            ColumnSpec.of("tied", DataType.LONG));

    private static Dataset<Row> synthetic;

    @BeforeAll
    static void synthesize() {
        // log-normal with 2 % NaN; whole numbers, half of them 0, a tenth 1, with a long tail
        synthetic = TestSpark.session().range(0, 200_000, 1, 4).selectExpr(
                "IF(rand(11) < 0.02, double('NaN'), exp(2 * randn(12))) AS skewed",
                "CAST(floor(exp(3 * randn(13))) AS LONG) AS tied").cache();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.001, 0.0001})
    void shouldKeepEveryPercentileOfSkewedAndTiedColumnsWithinTheRelativeErrorInRank(double relativeError) {
        double[][] quantiles = Quantiles.of(Quantiles.numbers(synthetic, SYNTHETIC), EVERY_PERCENT, relativeError);

        for (int c = 0; c < SYNTHETIC.size(); c++) {
            double[] sorted = presentSorted(SYNTHETIC.get(c).name());
            assertThat(sorted.length).isGreaterThan(c == 0 ? 190_000 : 199_999);
            for (int p = 0; p < EVERY_PERCENT.length; p++) {
                assertWithinRank(sorted, EVERY_PERCENT[p], relativeError, quantiles[c][p]);
            }
            assertThat(quantiles[c][0]).isEqualTo(sorted[0]);
            assertThat(quantiles[c][100]).isEqualTo(sorted[sorted.length - 1]);
        }
    }

    @Test
    void shouldReturnTheValueOfARunOfTiesNotOneBetweenTwoRuns() {
        double[][] quantiles = Quantiles.of(Quantiles.numbers(synthetic, SYNTHETIC.subList(1, 2)),
                new double[] {0.1, 0.25, 0.4, 0.45}, 0.001);

        assertThat(quantiles[0]).containsExactly(0, 0, 0, 0);
    }

    @Test
    void shouldKeepThePercentilesOfCreditGWithinTheRelativeError() {
        double relativeError = 0.005;
        List<String> columns = List.of("credit_amount", "duration", "age");
        Stats stats = Stats.run(Percentiles.ID, Map.of("columns", columns, "relativeError", relativeError,
                "probabilities", "0.01, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.99"),
                "credit_g");

        DatasetCsv csv = DatasetCsv.read("credit_g");
        assertThat(stats.table()).hasSize(45);
        for (Row row : stats.table()) {
            double[] sorted = csv.numbers(row.getString(0));
            Arrays.sort(sorted);
            assertWithinRank(sorted, row.getDouble(1), relativeError, row.getDouble(2));
        }
    }

    @Test
    void shouldBeExactValuesOfTheColumnAtZeroRelativeError() {
        double[][] quantiles = Quantiles.of(Quantiles.numbers(synthetic, SYNTHETIC), EVERY_PERCENT, 0);

        for (int c = 0; c < SYNTHETIC.size(); c++) {
            double[] sorted = presentSorted(SYNTHETIC.get(c).name());
            for (int p = 0; p < EVERY_PERCENT.length; p++) {
                assertWithinRank(sorted, EVERY_PERCENT[p], 0, quantiles[c][p]);
                assertThat(Arrays.binarySearch(sorted, quantiles[c][p])).as("one of the values").isNotNegative();
            }
        }
    }

    @Test
    void shouldGiveNoQuantilesOfAColumnWithoutValues() {
        Dataset<Row> missing = TestSpark.session().range(0, 100, 1, 2)
                .selectExpr("IF(id % 2 = 0, NULL, double('NaN')) AS nothing", "CAST(id AS DOUBLE) AS id");

        double[][] quantiles = Quantiles.of(Quantiles.numbers(missing, List.of(ColumnSpec.of("nothing",
                DataType.DOUBLE), ColumnSpec.of("id", DataType.DOUBLE))), new double[] {0.5}, 0.01);

        assertThat(quantiles[0]).isEmpty();
        assertThat(quantiles[1][0]).isBetween(49.0, 50.0);
    }

    /** A synthetic column's present values (NaN left out), sorted, read with plain Java. */
    private static double[] presentSorted(String column) {
        return synthetic.select(column).collectAsList().stream().map(r -> r.get(0)).filter(Objects::nonNull)
                .mapToDouble(v -> ((Number) v).doubleValue()).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }
}
