package io.easel.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A report spec is stored in jsonb, which keeps one value per key: its JSON must not repeat the type id key. */
class ReportSpecJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldWriteTheTypeIdOnceSoJsonbKeepsItReadable() throws Exception {
        PortSpec report = ReportSpec.builder("binary-classification").headline("auc", "AUC", "AUC")
                .chart("roc", ReportSpec.ChartKind.CURVE_WITH_DIAGONAL, Text.of("ROC", "ROC 曲线")).build();

        String written = json.writeValueAsString(report);

        assertThat(written).containsOnlyOnce("\"kind\"").contains("\"kind\":\"report\"")
                .contains("\"reportKind\":\"binary-classification\"");
        assertThat(json.readValue(written, PortSpec.class)).isEqualTo(report);
    }

    @Test
    void shouldReadReportsStoredWhenMetricsWereNamesOnly() throws Exception {
        String stored = "{\"kind\":\"report\",\"reportKind\":\"binary-classification\",\"metrics\":[\"auc\",\"ks\"]}";

        ReportSpec read = (ReportSpec) json.readValue(stored, PortSpec.class);

        assertThat(read.metricNames()).containsExactly("auc", "ks");
        assertThat(read.metric("auc").orElseThrow().title()).isEqualTo(Text.of("auc", "auc"));
        assertThat(read.charts()).isEmpty();
    }
}
