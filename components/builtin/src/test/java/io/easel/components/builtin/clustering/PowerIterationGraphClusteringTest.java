package io.easel.components.builtin.clustering;

import static io.easel.components.builtin.clustering.ClusterAgreement.purity;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.junit.jupiter.api.Test;

class PowerIterationGraphClusteringTest {

    /** Two triangles of strong similarities, 1-2-3 and 4-5-6, joined by one weak edge from 3 to 4. */
    private static final TableData TWO_TRIANGLES = Tables.of("from:long,to:long,similarity:double",
            new Object[] {1L, 2L, 1.0}, new Object[] {2L, 3L, 0.9}, new Object[] {1L, 3L, 0.8},
            new Object[] {4L, 5L, 1.0}, new Object[] {5L, 6L, 0.9}, new Object[] {4L, 6L, 0.8},
            new Object[] {3L, 4L, 0.05});

    @Test
    void shouldSplitAGraphAtItsWeakestLink() {
        List<Row> clusters = clusters(TWO_TRIANGLES, Map.of("input", "edges", "sourceColumn", "from",
                "destinationColumn", "to", "weightColumn", "similarity", "k", 2)).collectAsList();

        assertThat(clusters).extracting(r -> r.getLong(0)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        List<Integer> cluster = clusters.stream().map(r -> r.getInt(1)).toList();
        assertThat(cluster.subList(0, 3)).containsOnly(cluster.get(0));
        assertThat(cluster.subList(3, 6)).containsOnly(cluster.get(3));
        assertThat(cluster.get(0)).isNotEqualTo(cluster.get(3));
    }

    @Test
    void shouldClusterIrisRowsBySimilarityNumberingThemInOrder() {
        TestRun run = TestRun.example("power-iteration-clustering", 0);
        Dataset<Row> clusters = run.table(ExampleGraph.NODE, "out").rows();
        Dataset<Row> iris = TestRun.dataset("iris").rows();

        List<Row> all = clusters.collectAsList();
        assertThat(all).hasSize(150);
        assertThat(all).extracting(r -> r.getLong(0)).containsExactlyElementsOf(
                LongStream.range(0, 150).boxed().toList());
        // iris is read in file order: rows 0-49 setosa, 50-99 versicolor, 100-149 virginica
        Dataset<Row> labelled = clusters.join(numbered(iris), "id");
        // reached: 0.92, with the median distance between rows as the similarity width
        assertThat(purity(labelled, "cluster", "species")).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void shouldExplainWhatItCannotCluster() {
        TableData negative = Tables.of("from:long,to:long,similarity:double", new Object[] {1L, 2L, -1.0},
                new Object[] {2L, 3L, 1.0});

        assertThatThrownBy(() -> clusters(negative, Map.of("input", "edges", "sourceColumn", "from",
                "destinationColumn", "to", "weightColumn", "similarity")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("similarity column 'similarity' has 0 missing and 1 negative values");
        assertThatThrownBy(() -> clusters(TWO_TRIANGLES, Map.of("input", "edges", "sourceColumn", "from",
                "destinationColumn", "to", "k", 7)))
                .hasMessageContaining("param 'k' asks for 7 clusters of 6 connected vertices");
        assertThatThrownBy(() -> clusters(TestRun.dataset("wordnet_glosses"), Map.of("featureColumns",
                List.of("category"))))
                .hasMessageContaining("input 'in' has 2400 rows").hasMessageContaining("limited to 1000 rows");
    }

    private static Dataset<Row> numbered(Dataset<Row> rows) {
        return rows.withColumn("id", row_number().over(Window.orderBy(monotonically_increasing_id())).minus(1)
                .cast("long"));
    }

    private static Dataset<Row> clusters(TableData data, Map<String, Object> params) {
        return ((TableData) TestRun.execute("power-iteration-clustering", params, Map.of("in", data)).get("out"))
                .rows();
    }
}
