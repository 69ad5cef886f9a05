package io.easel.components.builtin.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.TableSpec;
import io.easel.components.builtin.source.SampleDataset;
import io.easel.components.spi.DataAccess;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import io.easel.run.DataRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

    @Test
    void shouldWriteCsvThatReadCsvReadsBackRowForRowMissingValuesIncluded(@TempDir Path temp) {
        TableData vote = TestRun.dataset("vote");
        String path = temp.resolve("vote").toString();

        ReportData report = write("write-csv", Map.of("path", path, "delimiter", ";"), vote);
        TableData back = (TableData) TestRun.execute("read-csv", Map.of("path", path, "delimiter", ";",
                "schema", SampleDataset.spec("vote").format()), Map.of()).get("out");

        assertThat(report.metrics()).containsEntry("rows", 435L).containsEntry("path", "file://" + path);
        assertSameRows(back.rows(), vote.rows());
        assertThat(back.rows().filter("adoption_of_the_budget_resolution is null").count())
                .isEqualTo(vote.rows().filter("adoption_of_the_budget_resolution is null").count()).isPositive();
    }

    @Test
    void shouldWriteParquetKeepingEveryTypeVectorsIncluded(@TempDir Path temp) {
        TableData iris = TestRun.example("read-libsvm", 0).table(ExampleGraph.NODE, "out");
        String path = temp.resolve("iris").toUri().toString();

        ReportData report = write("write-parquet", Map.of("path", path), iris);
        TableData back = (TableData) TestRun.execute("read-parquet", Map.of("path", path), Map.of()).get("out");

        assertThat(report.metrics()).containsEntry("rows", 150L);
        assertThat(SparkTypes.fromSchema(back.rows().schema())).isEqualTo(TableSpec.parse("label:double,features:vector"));
        assertSameRows(back.rows(), iris.rows());
    }

    @Test
    void shouldKeepWhatIsThereUnlessToldToOverwrite(@TempDir Path temp) {
        String path = temp.resolve("iris").toString();
        write("write-parquet", Map.of("path", path), TestRun.dataset("iris"));

        assertThatThrownBy(() -> write("write-parquet", Map.of("path", path), TestRun.dataset("diabetes")))
                .hasMessageContaining("write-parquet: cannot write '" + path + "': it already exists")
                .hasMessageContaining("'mode' to overwrite");
        ReportData replaced = write("write-parquet", Map.of("path", path, "mode", "overwrite"),
                TestRun.dataset("diabetes"));

        assertThat(replaced.metrics()).containsEntry("rows", 442L);
        TableData back = (TableData) TestRun.execute("read-parquet", Map.of("path", path), Map.of()).get("out");
        assertThat(back.rows().columns()).contains("progression");
        assertThat(back.rows().count()).isEqualTo(442);
    }

    @Test
    void shouldWriteOnePartFileWhenAskedTo(@TempDir Path temp) throws IOException {
        TableData credit = TestRun.dataset("credit_g");
        TableData spread = credit.withRows(credit.rows().repartition(4));
        Path many = temp.resolve("many");
        Path one = temp.resolve("one");

        write("write-csv", Map.of("path", many.toString()), spread);
        write("write-csv", Map.of("path", one.toString(), "singleFile", true), spread);

        assertThat(partFiles(many)).hasSize(4);
        assertThat(partFiles(one)).hasSize(1);
        assertThat(Files.readAllLines(partFiles(one).getFirst())).hasSize(1001).first().asString()
                .startsWith("checking_status,");
    }

    @Test
    void shouldRefuseVectorColumnsInCsv(@TempDir Path temp) {
        TableData iris = TestRun.example("read-libsvm", 0).table(ExampleGraph.NODE, "out");

        assertThatThrownBy(() -> write("write-csv", Map.of("path", temp.resolve("x").toString()), iris))
                .hasMessageContaining("[features] hold vectors").hasMessageContaining("write-parquet");
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void shouldRefuseToWriteOutsideTheDataRootsOrIntoTheSamples() {
        assertThatThrownBy(() -> write("write-csv", Map.of("path", "/etc/easel-out"), TestRun.dataset("iris")))
                .hasMessageContaining("write-csv: param 'path'").hasMessageContaining("outside the data roots");
        assertThat(Path.of("/etc/easel-out")).doesNotExist();

        DataAccess withSamples = new DataAccess(DataRoots.of(List.of("/srv/data"), "/srv/samples"));
        assertThatThrownBy(() -> withSamples.writable("{samples}/iris.csv")).hasMessageContaining("read only");
    }

    @Test
    void shouldRefuseALinkThatLeadsAWriteOutOfItsRoot(@TempDir Path temp) throws IOException {
        Path outside = Files.createTempDirectory(Path.of("/var/tmp"), "easel-outside-");
        try {
            Path root = Files.createDirectory(temp.resolve("root"));
            Files.createSymbolicLink(root.resolve("link"), outside);
            DataAccess access = new DataAccess(DataRoots.of(List.of(root.toString()), null));

            assertThatThrownBy(() -> access.writable(root.resolve("link/new/out.csv").toString()))
                    .hasMessageContaining("leads outside the data roots");
            assertThatThrownBy(() -> access.writable(root.resolve("link").toString()))
                    .hasMessageContaining("leads outside the data roots");
            assertThat(access.writable(root.resolve("new/out").toString())).isEqualTo("file://" + root + "/new/out");
        } finally {
            Files.delete(outside);
        }
    }

    private static ReportData write(String component, Map<String, Object> params, TableData in) {
        return (ReportData) TestRun.execute(component, params, Map.of("in", in)).get("report");
    }

    private static void assertSameRows(Dataset<Row> actual, Dataset<Row> expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.exceptAll(expected).count()).isZero();
        assertThat(expected.exceptAll(actual).count()).isZero();
    }

    private static List<Path> partFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).toList();
        }
    }
}
