package io.easel.components.builtin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.testing.Tables;
import java.util.List;
import java.util.Map;
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
    void shouldAskForAtLeastTwoColumns() {
        assertThatThrownBy(() -> Stats.run(CorrelationMatrix.ID, Map.of("columns", List.of("bmi")), "diabetes"))
                .hasMessageContaining("Param 'columns'").hasMessageContaining("at least two");
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
