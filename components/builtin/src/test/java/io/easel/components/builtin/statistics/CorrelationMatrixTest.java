package io.easel.components.builtin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestSpark;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {

    private static final List<String> IRIS_MEASURES = List.of("sepal_length_cm", "sepal_width_cm",
            "petal_length_cm", "petal_width_cm");
    private static final List<String> DIABETES_MEASURES = List.of("age", "bmi", "bp", "s1", "s5", "progression");

    @Test
    void shouldEqualPearsonComputedFromTheIrisCsv() {
        assertEveryPair("iris", IRIS_MEASURES, "pearson");
    }

    @Test
    void shouldEqualSpearmanWithAverageRanksForTiesOnIrisAndDiabetes() {
        assertEveryPair("iris", IRIS_MEASURES, "spearman");
        assertEveryPair("diabetes", DIABETES_MEASURES, "spearman");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldNameTheStrongestPairAndDrawTheMatrix() {
        Stats stats = Stats.run(CorrelationMatrix.ID, Map.of(), "iris");

        // petal length and width: r = 0.963 on iris
        assertThat(stats.report().metrics()).containsEntry("strongestPair", "petal_length_cm ~ petal_width_cm")
                .containsEntry("rows", 150L);
        assertThat(stats.metric("strongest")).isCloseTo(0.9629, within(1e-4));
        Map<String, Object> matrix = stats.chart("matrix");
        assertThat((List<String>) matrix.get("labels")).containsExactlyElementsOf(IRIS_MEASURES);
        assertThat(((List<List<Double>>) matrix.get("values")).get(2).get(2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void shouldEqualSampleCovariancesComputedFromTheDiabetesCsv() {
        DatasetCsv csv = DatasetCsv.read("diabetes");
        Stats stats = Stats.run(CovarianceMatrix.ID, Map.of("columns", DIABETES_MEASURES), "diabetes");

        List<Row> pairs = stats.table();
        assertThat(pairs).hasSize(DIABETES_MEASURES.size() * DIABETES_MEASURES.size());
        for (Row pair : pairs) {
            double expected = DatasetCsv.covariance(csv.numbers(pair.getString(0)), csv.numbers(pair.getString(1)));
            assertThat(pair.getDouble(2)).as(pair.getString(0) + " ~ " + pair.getString(1))
                    .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void shouldLeaveOutRowsWithAMissingValueAndLeaveAConstantColumnUncorrelated() {
        Stats stats = Stats.run(CorrelationMatrix.ID, Map.of(), Tables.of("x:double,y:integer,c:double",
                new Object[] {1.0, 2, 5.0}, new Object[] {2.0, 4, 5.0}, new Object[] {3.0, 7, 5.0},
                new Object[] {Double.NaN, 1, 5.0}, new Object[] {4.0, null, 5.0}));

        assertThat(stats.report().metrics()).containsEntry("rows", 3L)
                .containsEntry("strongestPair", "x ~ y");
        assertThat(stats.metric("strongest")).isCloseTo(DatasetCsv.pearson(new double[] {1, 2, 3},
                new double[] {2, 4, 7}), within(1e-12));
        assertThat(stats.table()).filteredOn(r -> r.getString(0).equals("c") && r.getString(1).equals("x"))
                .singleElement().matches(r -> r.isNullAt(2), "no correlation with a constant column");
    }

    @Test
    void shouldKeepCovariancesOfColumnsWithLargeMeansExact() {
        // a million plus small steps: sums of products would cancel away most of the digits
        TableData table = numbers(3, 1_000_000);
        double[][] columns = columnsOf(table, 3);

        assertCovariances(Stats.run(CovarianceMatrix.ID, Map.of(), table), columns);
    }

    @Test
    void shouldMergeThePartsOfATableSplitIntoManyPartitions() {
        TableData table = TableData.source(numbers(12, 50).rows().repartition(7));

        assertCovariances(Stats.run(CovarianceMatrix.ID, Map.of(), table), columnsOf(table, 12));
        assertThat(Stats.run(CorrelationMatrix.ID, Map.of(), table).report().metrics()).containsEntry("rows", 500L);
    }

    @Test
    void shouldAskForAtLeastTwoColumns() {
        assertThatThrownBy(() -> Stats.run(CorrelationMatrix.ID, Map.of("columns", List.of("bmi")), "diabetes"))
                .hasMessageContaining("Param 'columns'").hasMessageContaining("at least two");
    }

    /** 500 rows of columns x0, x1, … stepping by different primes around {@code mean}. */
    private static TableData numbers(int columns, double mean) {
        return TableData.source(TestSpark.session().range(500).selectExpr(IntStream.range(0, columns)
                .mapToObj(i -> mean + " + CAST((id * " + (i + 3) + ") % " + (97 - i) + " AS DOUBLE) / 4 AS x" + i)
                .toArray(String[]::new)));
    }

    private static double[][] columnsOf(TableData table, int columns) {
        List<Row> rows = table.rows().collectAsList();
        return IntStream.range(0, columns)
                .mapToObj(i -> rows.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("x" + i))).toArray())
                .toArray(double[][]::new);
    }

    private static void assertCovariances(Stats stats, double[][] columns) {
        List<Row> pairs = stats.table();
        assertThat(pairs).hasSize(columns.length * columns.length);
        for (Row pair : pairs) {
            int i = Integer.parseInt(pair.getString(0).substring(1));
            int j = Integer.parseInt(pair.getString(1).substring(1));
            double expected = DatasetCsv.covariance(columns[i], columns[j]);
            assertThat(pair.getDouble(2)).as(pair.getString(0) + " ~ " + pair.getString(1))
                    .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        }
    }

    private static void assertEveryPair(String dataset, List<String> columns, String method) {
        DatasetCsv csv = DatasetCsv.read(dataset);
        Stats stats = Stats.run(CorrelationMatrix.ID, Map.of("columns", columns, "method", method), dataset);

        List<Row> pairs = stats.table();
        assertThat(pairs).hasSize(columns.size() * columns.size());
        for (Row pair : pairs) {
            double[] x = csv.numbers(pair.getString(0));
            double[] y = csv.numbers(pair.getString(1));
            double expected = method.equals("pearson") ? DatasetCsv.pearson(x, y) : DatasetCsv.spearman(x, y);
            assertThat(pair.getDouble(2)).as(method + " " + pair.getString(0) + " ~ " + pair.getString(1))
                    .isCloseTo(expected, within(1e-9));
        }
    }
}
