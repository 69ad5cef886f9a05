package io.easel.component;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A report: named metrics and charts rather than rows.
 *
 * @param kind what the report is about, e.g. {@code binary-classification}; the UI picks its view by it
 * @param metrics the names of the scalar metrics it will hold
 */
public record ReportSpec(
        // Not "kind" in JSON: PortSpec's type id already is, and PostgreSQL's jsonb keeps only the last of two equal
        // keys, which turned stored reports into an unknown PortSpec type.
        @JsonProperty("reportKind") String kind,
        List<String> metrics) implements PortSpec {

    public ReportSpec {
        Objects.requireNonNull(kind, "kind");
        metrics = List.copyOf(metrics);
    }

    @Override
    public PortType portType() {
        return PortType.REPORT;
    }
}
