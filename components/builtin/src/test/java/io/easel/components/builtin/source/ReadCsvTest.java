package io.easel.components.builtin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.TableSpec;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.graph.ExampleGraph;
import io.easel.components.testing.SampleFiles;
import io.easel.components.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCsvTest {

    @Test
    void shouldReadWithExactlyTheDeclaredSchema() {
        TableData iris = TestRun.example("read-csv", 0).table(ExampleGraph.NODE, "out");

        assertThat(SparkTypes.fromSchema(iris.rows().schema())).isEqualTo(TableSpec.parse(
                "sepal_length_cm:double,sepal_width_cm:double,petal_length_cm:double,petal_width_cm:double,"
                        + "species:string"));
        assertThat(iris.rows().count()).isEqualTo(150);
    }

    @Test
    void shouldLetSparkInferTheTypesWhenNoSchemaIsDeclared() {
        TableData credit = read(Map.of("path", SampleFiles.DATASETS.resolve("credit_g.csv").toString()));

        assertThat(SparkTypes.fromSchema(credit.rows().schema()))
                .isEqualTo(SampleDataset.spec("credit_g"));
        assertThat(credit.rows().count()).isEqualTo(1000);
    }

    @Test
    void shouldReadHeaderlessFilesWithAnotherDelimiterAndMakeUnfitCellsMissing(@TempDir Path temp)
            throws Exception {
        Path file = temp.resolve("scores.csv");
        Files.writeString(file, "1;alice;0.5\n2;bob;n/a\n");

        TableData scores = read(Map.of("path", file.toUri().toString(), "header", false, "delimiter", ";",
                "schema", "id:integer,name:string,score:double"));

        Row bob = scores.rows().orderBy("id").collectAsList().get(1);
        assertThat(bob.<String>getAs("name")).isEqualTo("bob");
        assertThat(bob.isNullAt(bob.fieldIndex("score"))).isTrue();
    }

    @Test
    void shouldInferTypesSparkHasNoEaselTypeForAsTheNearestOne(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("ids.csv");
        Files.writeString(file, "id,amount\n123456789012345678901,1\n2,2\n");

        TableData ids = read(Map.of("path", file.toString()));

        assertThat(SparkTypes.fromSchema(ids.rows().schema())).isEqualTo(TableSpec.parse("id:double,amount:integer"));
    }

    @Test
    void shouldNameThePathItCannotRead(@TempDir Path temp) {
        String missing = temp.resolve("nope.csv").toString();

        assertThatThrownBy(() -> read(Map.of("path", missing, "schema", "a:integer")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("read-csv: cannot read '" + missing + "'");
        assertThatThrownBy(() -> read(Map.of("path", missing)))
                .hasMessageContaining(missing);
    }

    @Test
    void shouldRefuseAVectorColumnInTheSchema() {
        assertThatThrownBy(() -> read(Map.of("path", "x.csv", "schema", "a:integer,v:vector")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'schema'").hasMessageContaining("'v'");
    }

    private static TableData read(Map<String, Object> params) {
        return (TableData) TestRun.execute("read-csv", params, Map.of()).get("out");
    }
}
