package io.easel.components.builtin.source;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.TableSpec;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadLibSvmTest {

    @Test
    void shouldReadIrisAsLabelsAndTheFourMeasurements() {
        TableData iris = TestRun.example("read-libsvm", 0).table(ExampleGraph.NODE, "out");
        TableData csv = TestRun.dataset("iris");

        assertThat(SparkTypes.fromSchema(iris.rows().schema())).isEqualTo(TableSpec.parse("label:double,features:vector"));
        assertThat(iris.rows().count()).isEqualTo(150);
        Vector first = iris.rows().first().getAs("features");
        assertThat(first.size()).isEqualTo(4);
        assertThat(first.toArray()).containsExactly(5.1, 3.5, 1.4, 0.2);
        // label 2 is virginica: its mean petal length is the CSV's
        double libSvm = iris.rows().filter(col("label").equalTo(2.0))
                .select(avg(functions.vector_to_array(col("features"), "float64").getItem(2))).first().getDouble(0);
        double fromCsv = csv.rows().filter(col("species").equalTo("virginica")).select(avg("petal_length_cm"))
                .first().getDouble(0);
        assertThat(libSvm).isCloseTo(fromCsv, within(1e-12)).isCloseTo(5.552, within(1e-9));
        assertThat(iris.rows().groupBy("label").count().collectAsList()).extracting(r -> r.getLong(1))
                .containsOnly(50L);
    }

    @Test
    void shouldMakeVectorsOfTheDeclaredSize() {
        TableData iris = TestRun.example("read-libsvm", 1).table(ExampleGraph.NODE, "out");

        Vector first = iris.rows().first().getAs("features");
        assertThat(first.size()).isEqualTo(6);
        assertThat(first.apply(5)).isZero();
    }

    @Test
    void shouldReadSparseRowsWithZeroBasedIndices(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("sparse.txt"), "1 3:2.5 10:1\n-1 1:0.5\n# a comment line\n");

        List<Row> rows = read(Map.of("path", file.toString())).rows().collectAsList();

        assertThat(rows).hasSize(2);
        SparseVector firstRow = ((Vector) rows.get(0).getAs("features")).toSparse();
        assertThat(firstRow.size()).isEqualTo(10);
        assertThat(firstRow.indices()).containsExactly(2, 9);
        assertThat(firstRow.values()).containsExactly(2.5, 1.0);
        assertThat(rows.get(1).<Double>getAs("label")).isEqualTo(-1.0);
    }

    @Test
    void shouldNameTheFileWhenALineIsNotLibSvm(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("broken.txt"), "1 1:0.5\n0 two:1.0\n");

        assertThatThrownBy(() -> read(Map.of("path", file.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read-libsvm: cannot read '" + file + "'");
    }

    @Test
    void shouldRefuseAFileOutsideTheDataRoots() {
        assertThatThrownBy(() -> read(Map.of("path", "/etc/passwd")))
                .hasMessageContaining("read-libsvm: param 'path'").hasMessageContaining("outside the data roots");
    }

    private static TableData read(Map<String, Object> params) {
        return (TableData) TestRun.execute("read-libsvm", params, Map.of()).get("out");
    }
}
