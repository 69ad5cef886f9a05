package io.easel.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report spec is stored in jsonb, which keeps one value per key: its JSON must not repeat the type id key. */
class ReportSpecJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldWriteTheTypeIdOnceSoJsonbKeepsItReadable() throws Exception {
        PortSpec report = new ReportSpec("binary-classification", List.of("auc"));

        String written = json.writeValueAsString(report);

        assertThat(written).containsOnlyOnce("\"kind\"").contains("\"kind\":\"report\"")
                .contains("\"reportKind\":\"binary-classification\"");
        assertThat(json.readValue(written, PortSpec.class)).isEqualTo(report);
    }
}
