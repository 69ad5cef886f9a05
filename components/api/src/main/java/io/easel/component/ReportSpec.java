package io.easel.component;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A report: named metrics and charts rather than rows, with the vocabulary to show them declared by the component
 * (titles in both languages, which metrics head the report, how each chart is drawn), so a view needs no list of
 * metric names of its own.
 *
 * @param kind what the report is about, e.g. {@code binary-classification}
 * @param metrics the scalar metrics it holds, in the order a report shows them
 * @param charts the charts it holds, in the order a report shows them
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReportSpec(
        // Not "kind" in JSON: PortSpec's type id already is, and PostgreSQL's jsonb keeps only the last of two equal
        // keys, which turned stored reports into an unknown PortSpec type.
        @JsonProperty("reportKind") String kind,
        List<Metric> metrics,
        List<Chart> charts) implements PortSpec {

    public ReportSpec {
        Objects.requireNonNull(kind, "kind");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        charts = charts == null ? List.of() : List.copyOf(charts);
    }

    public static Builder builder(String kind) {
        return new Builder(kind);
    }

    @Override
    public PortType portType() {
        return PortType.REPORT;
    }

    public List<String> metricNames() {
        return metrics.stream().map(Metric::name).toList();
    }

    public List<String> chartNames() {
        return charts.stream().map(Chart::name).toList();
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Chart> chart(String name) {
        return charts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * One scalar of a report.
     *
     * @param headline whether it is one of the few shown as tiles at the top
     */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Metric(String name, Text title, boolean headline) {
        public Metric {
            Objects.requireNonNull(name, "name");
            title = title == null ? Text.of(name, name) : title;
        }

        /** Reports stored before metrics had titles listed names only. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Metric named(String name) {
            return new Metric(name, null, false);
        }

        /** A boxed flag: left out when false, and Jackson 3 refuses to read an absent primitive. */
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static Metric of(@JsonProperty("name") String name, @JsonProperty("title") Text title,
                @JsonProperty("headline") Boolean headline) {
            return new Metric(name, title, Boolean.TRUE.equals(headline));
        }
    }

    /**
     * One chart of a report; its data is under the same name in the report's charts.
     *
     * @param x the horizontal axis title, or null
     * @param y the vertical axis title, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chart(String name, Text title, @JsonProperty("chartKind") ChartKind kind, Text x, Text y) {
        public Chart {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** How a chart's data is shaped and drawn. */
    public enum ChartKind {
        /** {@code [[x, y], …]} drawn as a line; an ROC curve adds the chance diagonal. */
        CURVE,
        /** {@code [[x, y], …]} with the diagonal y = x for reference (ROC, gain, calibration). */
        CURVE_WITH_DIAGONAL,
        /** {@code {label: value, …}} as horizontal bars, in the order given. */
        BARS,
        /** {@code {"columns": [...], "rows": [[...], …]}} as a table. */
        TABLE,
        /** {@code {"labels": [...], "values": [[...], …]}}: a matrix such as a confusion matrix (rows: actual). */
        MATRIX,
        /**
         * {@code [[x, y], …]} as points, or {@code [[x, y, group], …]} with one colour per group (e.g. clusters).
         */
        SCATTER,
        /**
         * {@code [[x, y], …]} as points with the diagonal y = x across their range: predicted against actual values,
         * where a perfect model's points lie on the diagonal.
         */
        SCATTER_WITH_DIAGONAL,
        /** {@code {"edges": [...], "counts": [...]}}: counts between consecutive edges. */
        HISTOGRAM,
        /**
         * {@code {name: {"edges": [...], "counts": [...]}, …}}: one small histogram per name (a data profile's
         * columns), in the order given.
         */
        HISTOGRAMS;

        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static ChartKind fromJson(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Declares a report's vocabulary in the order it is shown. */
    public static final class Builder {
        private final String kind;
        private final List<Metric> metrics = new ArrayList<>();
        private final List<Chart> charts = new ArrayList<>();

        private Builder(String kind) {
            this.kind = kind;
        }

        /** A metric shown as a tile at the top, as well as in the table. */
        public Builder headline(String name, String en, String zh) {
            metrics.add(new Metric(name, Text.of(en, zh), true));
            return this;
        }

        public Builder metric(String name, String en, String zh) {
            metrics.add(new Metric(name, Text.of(en, zh), false));
            return this;
        }

        public Builder chart(String name, ChartKind kind, Text title) {
            charts.add(new Chart(name, title, kind, null, null));
            return this;
        }

        public Builder chart(String name, ChartKind kind, Text title, Text x, Text y) {
            charts.add(new Chart(name, title, kind, x, y));
            return this;
        }

        public ReportSpec build() {
            return new ReportSpec(kind, metrics, charts);
        }
    }
}
