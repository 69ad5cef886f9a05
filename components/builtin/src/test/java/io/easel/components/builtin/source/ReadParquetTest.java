package io.easel.components.builtin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.TableSpec;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.testing.SampleFiles;
import io.easel.graph.ExampleGraph;
import io.easel.components.testing.TestRun;
import io.easel.components.testing.TestSpark;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadParquetTest {

    @Test
    void shouldReadEveryColumnWithTheTypesStoredInTheFile() {
        TableData credit = read(Map.of("path", SampleFiles.creditParquet().toString()));

        assertThat(SparkTypes.fromSchema(credit.rows().schema())).isEqualTo(SampleDataset.spec("credit_g"));
        assertThat(credit.rows().count()).isEqualTo(1000);
        assertThat(credit.rows().filter("class = 'bad'").count()).isEqualTo(300);
    }

    @Test
    void shouldPickTheDeclaredColumnsByNameAndConvertThem() {
        TableData credit = TestRun.example("read-parquet", 0).table(ExampleGraph.NODE, "out");

        assertThat(SparkTypes.fromSchema(credit.rows().schema()))
                .isEqualTo(TableSpec.parse("class:string,age:double,credit_amount:long"));
        Row first = credit.rows().first();
        assertThat(first.<Double>getAs("age")).isEqualTo(67.0);
        assertThat(first.<Long>getAs("credit_amount")).isEqualTo(1169L);
        assertThat(credit.rows().count()).isEqualTo(1000);
    }

    @Test
    void shouldMakeValuesThatDoNotConvertMissing() {
        TableData credit = read(Map.of("path", SampleFiles.creditParquet().toUri().toString(),
                "schema", "purpose:integer,duration:integer"));

        assertThat(credit.rows().filter("purpose is not null").count()).isZero();
        assertThat(credit.rows().filter("duration is null").count()).isZero();
    }

    @Test
    void shouldWidenTypesEaselHasNotToTheNearestOne(@TempDir Path temp) {
        String file = temp.resolve("widths").toString();
        TestSpark.session().sql("select cast(1 as tinyint) as small, cast(2.5 as float) as ratio, "
                + "cast(3.25 as decimal(10, 2)) as amount, 'x' as `a.b`").write().parquet(file);

        TableData widths = read(Map.of("path", file));

        assertThat(SparkTypes.fromSchema(widths.rows().schema()))
                .isEqualTo(TableSpec.parse("small:integer,ratio:double,amount:double,a.b:string"));
        assertThat(widths.rows().first().<Double>getAs("amount")).isEqualTo(3.25);
    }

    @Test
    void shouldNameTheDeclaredColumnTheFileLacks() {
        assertThatThrownBy(() -> read(Map.of("path", SampleFiles.creditParquet().toString(),
                "schema", "age:integer,salary:double")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("read-parquet: param 'schema': column 'salary' is not in")
                .hasMessageContaining("credit_amount");
    }

    @Test
    void shouldRefuseColumnsEaselCannotHold(@TempDir Path temp) {
        String file = temp.resolve("nested").toString();
        TestSpark.session().sql("select 1 as id, array(1, 2) as tags").write().parquet(file);

        assertThatThrownBy(() -> read(Map.of("path", file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("read-parquet: '" + file + "'").hasMessageContaining("'tags'");
        assertThat(read(Map.of("path", file, "schema", "id:integer")).rows().count()).isEqualTo(1);
    }

    @Test
    void shouldNameThePathItCannotRead(@TempDir Path temp) {
        String missing = temp.resolve("nope.parquet").toString();

        assertThatThrownBy(() -> read(Map.of("path", missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("read-parquet: cannot read '" + missing + "'");
        assertThatThrownBy(() -> read(Map.of("path", missing, "schema", "a:integer")))
                .hasMessageStartingWith("read-parquet: cannot read '" + missing + "'");
    }

    private static TableData read(Map<String, Object> params) {
        return (TableData) TestRun.execute("read-parquet", params, Map.of()).get("out");
    }
}
