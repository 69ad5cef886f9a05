package io.easel.component.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Sniffing the real sample datasets (the repo copies the built-in sample-dataset component bundles) and the corners
 * where Spark's inference has rules of its own. The builtin module checks the same cases against Spark itself.
 */
class CsvSchemaSnifferTest {

    private static final Path DATASETS = Path.of("../builtin/src/main/resources/io/easel/components/datasets");
    private static final CsvSchemaSniffer.Options DEFAULTS = CsvSchemaSniffer.Options.defaults();

    @Test
    void shouldFindThirteenStringAndSevenIntegerColumnsInCreditG() throws IOException {
        TableSpec spec = sniffDataset("credit_g");

        assertThat(spec.columns()).hasSize(21);
        assertThat(countByType(spec)).containsExactlyInAnyOrderEntriesOf(
                Map.of(DataType.STRING, 14L, DataType.INTEGER, 7L)); // 13 string features + the class label
        assertThat(spec.columnNames()).startsWith("checking_status", "duration").endsWith("class");
        assertThat(spec.column("credit_amount")).contains(ColumnSpec.of("credit_amount", DataType.INTEGER));
        assertThat(spec.column("class")).contains(ColumnSpec.of("class", DataType.STRING));
    }

    @Test
    void shouldReadIrisMeasurementsAsDoublesAndSpeciesAsString() throws IOException {
        assertThat(sniffDataset("iris")).isEqualTo(TableSpec.parse(
                "sepal_length_cm:double,sepal_width_cm:double,petal_length_cm:double,petal_width_cm:double,"
                        + "species:string"));
    }

    @Test
    void shouldTypeBreastCancerFeaturesAsDoubleAndItsZeroOneLabelAsInteger() throws IOException {
        TableSpec spec = sniffDataset("breast_cancer");

        assertThat(spec.columns()).hasSize(31);
        assertThat(spec.columns().subList(0, 30)).allMatch(c -> c.type() == DataType.DOUBLE);
        assertThat(spec.column("malignant")).contains(ColumnSpec.of("malignant", DataType.INTEGER));
    }

    @Test
    void shouldTypeWholeNumbersWrittenWithDecimalPointAsDouble() throws IOException {
        TableSpec spec = sniffDataset("diabetes"); // "59.0", "2.0": Spark says double, not integer

        assertThat(spec.columns()).hasSize(11).allMatch(c -> c.type() == DataType.DOUBLE);
    }

    @Test
    void shouldIgnoreEmptyCellsAndKeepYesNoVotesAsStrings() throws IOException {
        TableSpec spec = sniffDataset("vote");

        assertThat(spec.columns()).hasSize(17).allMatch(c -> c.type() == DataType.STRING);
        assertThat(spec.columnNames()).endsWith("Class");
    }

    @Test
    void shouldWidenIntegerToLongToDoubleAndFallBackToStringOnMixedValues() {
        String csv = """
                i,l,d,b,mixed,empty,s
                1,1,1,true,1,,a
                2,3000000000,2.5,FALSE,true,,b
                -3,4,-1e3,false,,,c
                """;

        assertThat(CsvSchemaSniffer.sniff(csv, DEFAULTS)).isEqualTo(
                TableSpec.parse("i:integer,l:long,d:double,b:boolean,mixed:string,empty:string,s:string"));
    }

    @Test
    void shouldTreatNanAndInfinityAsDoublesAndTooLongIntegersAsDouble() {
        String csv = "a,b,c\nNaN,Inf,123456789012345678901234\n1.5,-Inf,1\n";

        assertThat(CsvSchemaSniffer.sniff(csv, DEFAULTS)).isEqualTo(TableSpec.parse("a:double,b:double,c:double"));
    }

    @Test
    void shouldKeepDatesAndTimestampsAsStrings() {
        String csv = "day,at\n2024-01-31,2024-01-31 10:15:00\n2024-02-01,2024-02-01 11:00:00\n";

        assertThat(CsvSchemaSniffer.sniff(csv, DEFAULTS)).isEqualTo(TableSpec.parse("day:string,at:string"));
    }

    @Test
    void shouldUnquoteCellsBeforeTypingThem() {
        String csv = "id,name,amount\n\"1\",\"Smith, John\",\"2.5\"\n2,\"say \"\"hi\"\"\",3\n";

        assertThat(CsvSchemaSniffer.sniff(csv, DEFAULTS))
                .isEqualTo(TableSpec.parse("id:integer,name:string,amount:double"));
        assertThat(CsvSchemaSniffer.tokenize("2,\"say \"\"hi\"\"\",\"a\\\"b\",", ","))
                .containsExactly("2", "say \"hi\"", "a\"b", null);
    }

    @Test
    void shouldNameColumnsLikeSparkWithoutHeaderAndForEmptyOrRepeatedHeaderCells() {
        assertThat(CsvSchemaSniffer.sniff("1;x\n2;y\n", new CsvSchemaSniffer.Options(false, ";")).columnNames())
                .containsExactly("_c0", "_c1");
        assertThat(CsvSchemaSniffer.sniff("a,,A,b\n1,2,3,4\n", DEFAULTS).columnNames())
                .containsExactly("a0", "_c1", "A2", "b");
    }

    @Test
    void shouldSkipBlankLinesRepeatedHeadersAndTheByteOrderMark() {
        String csv = "\uFEFFx,y\n\n1,2\n   \nx,y\n3,4\n";

        assertThat(CsvSchemaSniffer.sniff(csv, DEFAULTS)).isEqualTo(TableSpec.parse("x:integer,y:integer"));
    }

    @Test
    void shouldReadTabSeparatedTextWhenTheDelimiterIsTheTabEscape() {
        String tsv = "a\tb\n1\tx\n";

        assertThat(CsvSchemaSniffer.sniff(tsv, new CsvSchemaSniffer.Options(true, "\\t")))
                .isEqualTo(TableSpec.parse("a:integer,b:string"));
    }

    @Test
    void shouldIgnoreCellsBeyondTheHeaderAndTreatMissingOnesAsNull() {
        String csv = "a,b\n1,2,extra\n3\n";

        assertThat(CsvSchemaSniffer.sniff(csv, DEFAULTS)).isEqualTo(TableSpec.parse("a:integer,b:integer"));
    }

    @Test
    void shouldSniffOnlyTheHeadOfALongReader() throws IOException {
        String csv = "a\n1\n2\nnot a number\n";

        assertThat(CsvSchemaSniffer.sniff(new java.io.StringReader(csv), DEFAULTS, 3))
                .isEqualTo(TableSpec.parse("a:integer"));
    }

    @Test
    void shouldRefuseTextWithoutAnyLine() {
        assertThatThrownBy(() -> CsvSchemaSniffer.sniff(" \n\n", DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no lines");
        assertThatThrownBy(() -> new CsvSchemaSniffer.Options(true, ""))
                .hasMessageContaining("delimiter");
    }

    private static TableSpec sniffDataset(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(DATASETS.resolve(name + ".csv"), StandardCharsets.UTF_8)) {
            return CsvSchemaSniffer.sniff(reader, DEFAULTS, Integer.MAX_VALUE);
        }
    }

    private static Map<DataType, Long> countByType(TableSpec spec) {
        return spec.columns().stream().collect(Collectors.groupingBy(ColumnSpec::type, Collectors.counting()));
    }
}
