package io.easel.components.builtin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.testing.SampleFiles;
import io.easel.graph.ExampleGraph;
import io.easel.components.testing.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadJsonLinesTest {

    @Test
    void shouldLetSparkInferTheTypesWithWholeNumbersAsLong() {
        TableData credit = read(Map.of("path", SampleFiles.creditJsonLines().toString()));

        // JSON has no integer type of its own: Spark infers long where credit_g's CSV has integer
        List<ColumnSpec> expected = SampleDataset.spec("credit_g").columns().stream()
                .map(c -> c.type() == DataType.INTEGER ? ColumnSpec.of(c.name(), DataType.LONG) : c)
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        assertThat(SparkTypes.fromSchema(credit.rows().schema()).columns()).isEqualTo(expected);
        assertThat(credit.rows().count()).isEqualTo(1000);
    }

    @Test
    void shouldReadTheDeclaredColumnsByName() {
        TableData credit = TestRun.example("read-json-lines", 0).table(ExampleGraph.NODE, "out");

        assertThat(SparkTypes.fromSchema(credit.rows().schema()))
                .isEqualTo(TableSpec.parse("class:string,age:integer,duration:double"));
        assertThat(credit.rows().count()).isEqualTo(1000);
        assertThat(credit.rows().filter("age is null or class is null").count()).isZero();
    }

    @Test
    void shouldMakeValuesThatDoNotFitMissingAndLeaveAbsentFieldsMissing(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("people.jsonl");
        Files.writeString(file, """
                {"id": 1, "name": "alice", "score": 0.5}
                {"id": 2, "name": "bob", "score": "n/a"}
                {"id": 3}
                """);

        TableData people = read(Map.of("path", file.toUri().toString(), "schema", "id:integer,name:string,score:double"));

        List<Row> rows = people.rows().orderBy("id").collectAsList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).<Double>getAs("score")).isEqualTo(0.5);
        assertThat(rows.get(1).<String>getAs("name")).isEqualTo("bob");
        assertThat(rows.get(1).isNullAt(rows.get(1).fieldIndex("score"))).isTrue();
        assertThat(rows.get(2).isNullAt(rows.get(2).fieldIndex("name"))).isTrue();
    }

    @Test
    void shouldRefuseNestedValuesWhenInferring(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("nested.jsonl");
        Files.writeString(file, "{\"id\": 1, \"address\": {\"city\": \"Berlin\"}}\n");

        assertThatThrownBy(() -> read(Map.of("path", file.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("read-json-lines: '" + file + "'").hasMessageContaining("'address'");
    }

    @Test
    void shouldNameThePathItCannotRead(@TempDir Path temp) {
        String missing = temp.resolve("nope.jsonl").toString();

        assertThatThrownBy(() -> read(Map.of("path", missing, "schema", "a:integer")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("read-json-lines: cannot read '" + missing + "'");
        assertThatThrownBy(() -> read(Map.of("path", missing)))
                .hasMessageStartingWith("read-json-lines: cannot read '" + missing + "'");
    }

    @Test
    void shouldRefuseAVectorColumnInTheSchema() {
        assertThatThrownBy(() -> read(Map.of("path", "x.jsonl", "schema", "a:integer,v:vector")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read-json-lines: param 'schema'").hasMessageContaining("'v'");
    }

    private static TableData read(Map<String, Object> params) {
        return (TableData) TestRun.execute("read-json-lines", params, Map.of()).get("out");
    }
}
