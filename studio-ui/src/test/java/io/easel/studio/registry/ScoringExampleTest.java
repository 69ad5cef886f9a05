package io.easel.studio.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringExampleTest {

    private static final List<ColumnSpec> INPUTS = List.of(ColumnSpec.of("checking_status", DataType.STRING),
            ColumnSpec.of("duration", DataType.INTEGER), ColumnSpec.of("purpose", DataType.STRING));

    @Test
    void shouldTakeValuesFromTheRowWithTheRawTypes() {
        // What a type conversion node hands on (duration as double) and what the dataset read (as integer).
        var converted = new ScoringExample.SampleRow(TableSpec.parse("checking_status:string,duration:double,"
                + "purpose:string,class:string"), List.of("<0", 6.0, "radio/tv", "good"));
        var raw = new ScoringExample.SampleRow(TableSpec.parse("checking_status:string,duration:integer,"
                + "purpose:string,class:string"), List.of("0<=X<200", 48, "education", "bad"));

        Map<String, Object> record = ScoringExample.sampleRecord(INPUTS, List.of(converted, raw));

        assertThat(record).containsExactly(Map.entry("checking_status", "0<=X<200"), Map.entry("duration", 48),
                Map.entry("purpose", "education"));
    }

    @Test
    void shouldFillColumnsNoRowHasWithTypedPlaceholders() {
        var partial = new ScoringExample.SampleRow(TableSpec.parse("duration:integer"), List.of(12));

        Map<String, Object> record = ScoringExample.sampleRecord(INPUTS, List.of(partial));

        assertThat(record).containsExactly(Map.entry("checking_status", ""), Map.entry("duration", 12),
                Map.entry("purpose", ""));
    }

    @Test
    void shouldSkipMissingValuesInFavourOfAnotherRow() {
        var withGap = new ScoringExample.SampleRow(TableSpec.parse("checking_status:string,duration:integer,"
                + "purpose:string"), Arrays.asList("<0", null, "radio/tv"));
        var other = new ScoringExample.SampleRow(TableSpec.parse("duration:integer"), List.of(24));

        assertThat(ScoringExample.sampleRecord(INPUTS, List.of(withGap, other))).containsEntry("duration", 24);
    }

    @Test
    void shouldQuoteTheBodySoTheCurlCommandPastesIntoAShell() {
        var example = new ScoringExample("http://localhost:8080/api/score/credit",
                new java.util.LinkedHashMap<>(Map.of("purpose", "it's new")));

        String curl = example.curl();

        assertThat(curl).startsWith("curl -X POST 'http://localhost:8080/api/score/credit'")
                .contains("-H 'Content-Type: application/json'")
                .contains("-H \"Authorization: Bearer $EASEL_API_KEY\"")
                .contains("it'\\''s new");
        assertThat(example.body()).contains("\"purpose\" : \"it's new\"");
    }
}
