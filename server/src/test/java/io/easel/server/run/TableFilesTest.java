package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import io.easel.server.hadoop.HadoopAccess;
import io.easel.server.hadoop.KerberosProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table outputs read without Spark: Parquet files laid out as Spark 4 writes them (its schema for strings, numbers,
 * dates, INT96 and INT64 timestamps, decimals, arrays, maps and ML vectors; part files beside {@code _SUCCESS} and
 * checksums) read back as the values the engine's sample rows hold, in part order; and filters over them.
 */
class TableFilesTest {

    /** Spark's Parquet schema of such a table (VectorUDT is a struct of type, size, indices and values). */
    private static final MessageType SPARK_SCHEMA = MessageTypeParser.parseMessageType("""
            message spark_schema {
              optional binary name (STRING);
              optional int32 count;
              optional double score;
              optional boolean flag;
              optional int32 day (DATE);
              optional int96 at;
              optional int64 at_micros (TIMESTAMP(MICROS,true));
              optional int32 price (DECIMAL(9,2));
              optional group tokens (LIST) { repeated group list { optional binary element (STRING); } }
              optional group features {
                required int32 type (INTEGER(8,true));
                optional int32 size;
                optional group indices (LIST) { repeated group list { required int32 element; } }
                optional group values (LIST) { repeated group list { required double element; } }
              }
              optional group counts (MAP) { repeated group key_value { required binary key (STRING); optional int64 value; } }
            }
            """);
    private static final TableSpec SPEC = TableSpec.of(ColumnSpec.of("name", DataType.STRING),
            ColumnSpec.of("count", DataType.INTEGER), ColumnSpec.of("score", DataType.DOUBLE),
            ColumnSpec.of("flag", DataType.BOOLEAN), ColumnSpec.of("day", DataType.DATE),
            ColumnSpec.of("at", DataType.TIMESTAMP), ColumnSpec.of("at_micros", DataType.TIMESTAMP),
            ColumnSpec.of("price", DataType.DOUBLE), ColumnSpec.of("tokens", DataType.TOKENS),
            ColumnSpec.of("features", DataType.VECTOR), ColumnSpec.of("counts", DataType.STRING));
    private static final Instant NOON = Instant.parse("2024-02-29T12:30:15.123456Z");

    @TempDir
    java.nio.file.Path workspace;

    @Test
    void shouldReadSparksLayoutAsTheSampleRowsShowIt() throws IOException {
        TableFiles files = twoParts();

        assertThat(files.partNames()).containsExactly("part-00000-a.snappy.parquet", "part-00001-b.snappy.parquet");
        assertThat(files.rowCount()).isEqualTo(5);
        List<List<Object>> rows = all(files, 0);
        assertThat(rows).hasSize(5);
        assertThat(rows.getFirst()).containsExactly("first", 1, 0.5, true, LocalDate.of(2024, 2, 29), NOON, NOON,
                new BigDecimal("12.34"), List.of("a", "b"), List.of(0.25, 0.75), Map.of("x", 3L));
        // Missing values, a sparse vector expanded, and the JSON form of each.
        assertThat(rows.get(1)).containsExactly("second", null, null, null, null, null, null, null, List.of(),
                List.of(0.0, 2.0, 0.0), null);
        assertThat(Cells.jsonRow(rows.getFirst())).containsExactly("first", 1, 0.5, true, "2024-02-29",
                "2024-02-29T12:30:15.123456Z", "2024-02-29T12:30:15.123456Z", new BigDecimal("12.34"),
                List.of("a", "b"), List.of(0.25, 0.75), Map.of("x", 3L));
        assertThat(Cells.text(rows.getFirst().get(9))).isEqualTo("[0.25,0.75]");
    }

    @Test
    void shouldReadInPartOrderFromAnyOffset() throws IOException {
        TableFiles files = twoParts();
        List<String> names = all(files, 0).stream().map(row -> (String) row.getFirst()).toList();
        assertThat(names).containsExactly("first", "second", "third", "fourth", "fifth");
        for (int offset = 0; offset <= 5; offset++) {
            assertThat(all(files, offset).stream().map(row -> (String) row.getFirst()).toList()).as("offset %s", offset)
                    .isEqualTo(names.subList(offset, 5));
        }
    }

    @Test
    void shouldFilterByTheColumnsTypeAndTreatMissingValuesAsOnlyNull() throws IOException {
        List<List<Object>> rows = all(twoParts(), 0);
        assertThat(names(rows, "count >= 3")).containsExactly("third", "fourth", "fifth");
        assertThat(names(rows, "count!=3")).containsExactly("first", "fourth", "fifth");
        assertThat(names(rows, "count = null")).containsExactly("second");
        assertThat(names(rows, "name contains IF")).containsExactly("fifth");
        assertThat(names(rows, "day < 2024-03-01")).containsExactly("first");
        assertThat(names(rows, "at >= 2024-02-29")).containsExactly("first");
        assertThat(names(rows, "flag = false")).containsExactly("third", "fourth", "fifth");
        assertThat(names(rows, "tokens contains \"b\"")).containsExactly("first");
        assertThat(names(rows, "name = \"first\"")).containsExactly("first");

        assertThatThrownBy(() -> RowFilter.parse("count >= many").on(SPEC)).isInstanceOf(RowQueryException.class)
                .hasMessageContaining("'many' is not a number, which column 'count' holds");
        assertThatThrownBy(() -> RowFilter.parse("nope = 1").on(SPEC)).hasMessageContaining("no column 'nope'");
        assertThatThrownBy(() -> RowFilter.parse("features > 1").on(SPEC)).hasMessageContaining("contains");
        assertThatThrownBy(() -> RowFilter.parse("just text")).hasMessageContaining("column op value");
    }

    private static List<String> names(List<List<Object>> rows, String filter) {
        Predicate<List<Object>> matches = RowFilter.parse(filter).on(SPEC);
        return rows.stream().filter(matches).map(row -> (String) row.getFirst()).toList();
    }

    private static List<List<Object>> all(TableFiles files, long offset) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        files.scan(offset, rows::add);
        return rows;
    }

    /** Five rows in two part files (two, then three), with Spark's marker and their checksums beside them. */
    private TableFiles twoParts() throws IOException {
        SimpleGroupFactory rows = new SimpleGroupFactory(SPARK_SCHEMA);
        Group first = rows.newGroup().append("name", "first").append("count", 1).append("score", 0.5)
                .append("flag", true).append("day", (int) LocalDate.of(2024, 2, 29).toEpochDay())
                .append("at", int96(NOON)).append("at_micros", NOON.getEpochSecond() * 1_000_000 + 123_456)
                .append("price", 1234);
        Group tokens = first.addGroup("tokens");
        tokens.addGroup("list").append("element", "a");
        tokens.addGroup("list").append("element", "b");
        vector(first, 1, 2, null, new double[] {0.25, 0.75});
        first.addGroup("counts").addGroup("key_value").append("key", "x").append("value", 3L);
        Group second = rows.newGroup().append("name", "second");
        second.addGroup("tokens");
        vector(second, 0, 3, new int[] {1}, new double[] {2.0});
        write("part-00000-a.snappy.parquet", first, second);
        write("part-00001-b.snappy.parquet", rows.newGroup().append("name", "third").append("count", 3)
                .append("flag", false), rows.newGroup().append("name", "fourth").append("count", 4)
                .append("flag", false), rows.newGroup().append("name", "fifth").append("count", 5)
                .append("flag", false));
        Files.writeString(workspace.resolve("_SUCCESS"), "");
        return TableFiles.in(new Path(workspace.toUri()),
                new HadoopAccess(KerberosProperties.NONE, new Configuration()));
    }

    private static void vector(Group row, int type, int size, int[] indices, double[] values) {
        Group vector = row.addGroup("features").append("type", type).append("size", size);
        if (indices != null) {
            Group list = vector.addGroup("indices");
            Arrays.stream(indices).forEach(i -> list.addGroup("list").append("element", i));
        }
        Group list = vector.addGroup("values");
        Arrays.stream(values).forEach(v -> list.addGroup("list").append("element", v));
    }

    private static NanoTime int96(Instant instant) {
        long epochDay = Math.floorDiv(instant.getEpochSecond(), 86_400);
        long nanosOfDay = (instant.getEpochSecond() - epochDay * 86_400) * 1_000_000_000L + instant.getNano();
        return new NanoTime((int) (epochDay + 2_440_588), nanosOfDay);
    }

    private void write(String name, Group... groups) throws IOException {
        Path file = new Path(workspace.resolve(name).toUri());
        try (ParquetWriter<Group> writer = ExampleParquetWriter
                .builder(HadoopOutputFile.fromPath(file, new Configuration())).withType(SPARK_SCHEMA).build()) {
            for (Group group : groups) {
                writer.write(group);
            }
        }
    }
}
