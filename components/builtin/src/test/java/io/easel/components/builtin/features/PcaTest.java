package io.easel.components.builtin.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import io.easel.components.testing.TestSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PcaTest {

    private static final List<String> MEASURES = List.of("age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");

    @Test
    void shouldAssembleTheChosenColumnsInOrder() {
        TableData assembled = assembled();

        Row first = assembled.rows().select("age", "s6", "features").first();
        Vector features = first.getAs(2);
        assertThat(features.size()).isEqualTo(MEASURES.size());
        assertThat(features.apply(0)).isEqualTo(first.getDouble(0));
        assertThat(features.apply(8)).isEqualTo(first.getDouble(1));
    }

    @Test
    void shouldKeepAllTheVarianceInDecreasingComponentsOfStandardizedDiabetes() {
        TableData projected = (TableData) TestRun.execute("pca", Map.of("column", "features", "components", 9),
                Map.of("in", assembled())).get("out");

        List<double[]> rows = projected.rows().select("pca").collectAsList().stream()
                .map(r -> ((Vector) r.get(0)).toArray()).toList();
        double[] variances = new double[9];
        for (int c = 0; c < 9; c++) {
            int component = c;
            double mean = rows.stream().mapToDouble(r -> r[component]).average().orElseThrow();
            variances[c] = rows.stream().mapToDouble(r -> (r[component] - mean) * (r[component] - mean)).sum()
                    / (rows.size() - 1);
        }
        // standardized columns have variance 1 each; a rotation keeps the total
        assertThat(java.util.Arrays.stream(variances).sum()).isCloseTo(9, within(1e-6));
        for (int c = 1; c < 9; c++) {
            assertThat(variances[c]).as("component " + c).isLessThanOrEqualTo(variances[c - 1] + 1e-9);
        }
        assertThat(variances[0]).isGreaterThan(3); // diabetes' serum measurements move together
    }

    @Test
    void shouldRefuseMoreComponentsThanSlots() {
        assertThatThrownBy(() -> TestRun.execute("pca", Map.of("column", "features", "components", 10),
                Map.of("in", assembled())))
                .hasMessageContaining("at most 9");
    }

    @Test
    void shouldRefuseAVectorWiderThanItsLimitNamingTheWidth() {
        int wide = Pca.MOST_SLOTS + 1;
        Dataset<Row> hashed = TestSpark.session().createDataFrame(List.of(
                RowFactory.create(Vectors.sparse(wide, new int[] {0, 7}, new double[] {1, 2})),
                RowFactory.create(Vectors.sparse(wide, new int[] {3, 4096}, new double[] {3, 1}))),
                new StructType().add("features", new VectorUDT()));

        assertThatThrownBy(() -> TestRun.execute("pca", Map.of("column", "features", "components", 2),
                Map.of("in", TableData.source(hashed))))
                .hasMessageContaining("'features' has 4097 slots, more than the 4096 PCA handles");
    }

    private static TableData assembled() {
        TableData scaled = (TableData) TestRun.execute("scale", Map.of("columns", MEASURES),
                Map.of("in", TestRun.dataset("diabetes"))).get("out");
        return (TableData) TestRun.execute("vector-assemble", Map.of("columns", MEASURES), Map.of("in", scaled))
                .get("out");
    }
}
