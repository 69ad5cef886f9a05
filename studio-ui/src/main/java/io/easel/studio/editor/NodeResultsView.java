package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import io.easel.component.Catalog;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ModelSpec;
import io.easel.component.Port;
import io.easel.component.PortSpec;
import io.easel.component.ReportSpec;
import io.easel.component.TableSpec;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.server.run.NodeResultView;
import io.easel.studio.canvas.Chart;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a finished node produced, port by port: tables as row count, schema and first rows; reports as metrics and
 * charts; models as what they learn from and predict, with Deploy. A failed node shows why.
 */
class NodeResultsView extends Div {

    private final ComponentDescriptor component;
    private final Catalog catalog;
    private final Locale locale;
    private final Runnable onDeploy;

    /**
     * @param onDeploy deploys the model this node exported; null when the node has no model output
     */
    NodeResultsView(ComponentDescriptor component, Catalog catalog, NodeResultView result, Locale locale,
            Runnable onDeploy) {
        this.component = component;
        this.catalog = catalog;
        this.locale = locale;
        this.onDeploy = onDeploy;
        addClassName("node-results");

        if (result.state() == NodeState.FAILED || result.state() == NodeState.SKIPPED) {
            add(problem(result));
            return;
        }
        for (Port port : component.outputs()) {
            PortResult output = result.outputs().get(port.name());
            add(portSection(port, output));
        }
        if (component.outputs().isEmpty()) {
            add(muted(getTranslation("results.no-outputs")));
        }
    }

    private Component problem(NodeResultView result) {
        Div box = new Div();
        box.addClassName("error-box");
        box.getElement().setAttribute("data-result", "error");
        Span title = new Span(getTranslation(result.state() == NodeState.FAILED ? "results.failed"
                : "results.skipped"));
        title.addClassName("error-title");
        Pre message = new Pre(result.message() == null ? "" : result.message());
        message.addClassName("error-message");
        box.add(title, message);
        return box;
    }

    private Component portSection(Port port, PortResult output) {
        Div section = new Div();
        section.addClassName("result-section");
        section.getElement().setAttribute("data-port", port.name());
        H4 heading = new H4(port.title().in(locale));
        Span type = new Span(getTranslation("port-type." + port.type().jsonName()));
        type.addClassName("port-type-chip");
        type.getElement().setAttribute("data-port-type", port.type().jsonName());
        Div header = new Div(heading, type);
        header.addClassName("result-section-header");
        section.add(header);
        if (output == null) {
            section.add(muted(getTranslation("results.no-output")));
            return section;
        }
        PortSpec spec = output.spec();
        switch (spec) {
            case TableSpec table -> section.add(table(port, table, output));
            case ReportSpec report -> section.add(report(report, output));
            case ModelSpec model -> section.add(model(model, output));
            case null -> section.add(muted(getTranslation("results.no-output")));
        }
        return section;
    }

    // ---- tables

    private Component table(Port port, TableSpec table, PortResult output) {
        Div box = new Div();
        box.addClassName("table-result");
        NumberFormat count = NumberFormat.getIntegerInstance(locale);
        Span summary = new Span(getTranslation("results.table.summary",
                output.rowCount() == null ? "?" : count.format(output.rowCount()),
                count.format(table.columns().size())));
        summary.addClassName("table-summary");
        summary.getElement().setAttribute("data-row-count",
                output.rowCount() == null ? "" : output.rowCount().toString());
        Button expand = new Button(getTranslation("results.table.open"), VaadinIcon.EXPAND_SQUARE.create(),
                e -> openTableDialog(port, table, output));
        expand.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        Div line = new Div(summary, expand);
        line.addClassName("table-summary-line");

        TabSheet tabs = new TabSheet();
        tabs.addThemeVariants(TabSheetVariant.TABS_SMALL, TabSheetVariant.NO_PADDING);
        tabs.addClassName("table-tabs");
        tabs.add(getTranslation("results.table.preview"), sampleGrid(table, output, "260px"));
        tabs.add(getTranslation("results.table.schema"), schemaGrid(table));
        box.add(line, tabs);
        barsOf(table, output).ifPresent(chart -> box.add(chartFrame(table.columns().get(1).name(),
                table.columns().get(1).name(), chart)));
        return box;
    }

    /** A small "name → number" table (feature importances and the like) reads best as bars. */
    private java.util.Optional<Component> barsOf(TableSpec table, PortResult output) {
        List<List<Object>> rows = output.sampleRows() == null ? List.of() : output.sampleRows();
        if (table.columns().size() != 2 || table.columns().get(0).type() != io.easel.component.DataType.STRING
                || !table.columns().get(1).type().isNumeric() || rows.isEmpty() || rows.size() > 40) {
            return java.util.Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        rows.stream()
                .filter(row -> row.size() == 2 && row.get(1) instanceof Number)
                .sorted(java.util.Comparator.comparingDouble((List<Object> row) -> ((Number) row.get(1))
                        .doubleValue()).reversed())
                .forEach(row -> {
                    names.add(String.valueOf(row.get(0)));
                    values.add(((Number) row.get(1)).doubleValue());
                });
        Chart chart = Chart.bars(names, values, null);
        chart.setHeight(barsHeight(names.size()));
        chart.addClassName("result-chart");
        chart.addClassName("bars-chart");
        return java.util.Optional.of(chart);
    }

    private void openTableDialog(Port port, TableSpec table, PortResult output) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(component.title().in(locale) + " · " + port.title().in(locale));
        dialog.setWidth("min(1200px, 94vw)");
        dialog.setHeight("80vh");
        dialog.setResizable(true);
        Grid<List<Object>> grid = sampleGrid(table, output, "100%");
        dialog.add(grid);
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    private Grid<List<Object>> sampleGrid(TableSpec table, PortResult output, String height) {
        Grid<List<Object>> grid = new Grid<>();
        grid.addClassName("sample-grid");
        grid.addThemeVariants(GridVariant.COLUMN_BORDERS, GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight(height);
        List<ColumnSpec> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            ColumnSpec column = columns.get(i);
            Div header = new Div(new Span(column.name()), typeLabel(column));
            header.addClassName("column-header");
            grid.addColumn(row -> index < row.size() ? cell(row.get(index)) : "")
                    .setHeader(header)
                    .setAutoWidth(true)
                    .setResizable(true)
                    .setTextAlign(column.type().isNumeric() ? ColumnTextAlign.END : ColumnTextAlign.START);
        }
        grid.setItems(output.sampleRows() == null ? List.of() : output.sampleRows());
        return grid;
    }

    private Grid<ColumnSpec> schemaGrid(TableSpec table) {
        Grid<ColumnSpec> grid = new Grid<>();
        grid.addClassName("schema-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("260px");
        grid.addColumn(c -> table.columns().indexOf(c) + 1).setHeader("#").setWidth("56px").setFlexGrow(0);
        grid.addColumn(ColumnSpec::name).setHeader(getTranslation("results.column"));
        grid.addComponentColumn(this::typeLabel).setHeader(getTranslation("results.type"));
        grid.setItems(table.columns());
        return grid;
    }

    private Span typeLabel(ColumnSpec column) {
        Span type = new Span(column.type().jsonName());
        type.addClassName("column-type");
        type.getElement().setAttribute("data-type", column.type().jsonName());
        return type;
    }

    private String cell(Object value) {
        if (value == null) {
            return "∅";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d) + ".0";
            }
            // Six decimals are plenty for a preview; the full values are in the output itself.
            return new java.math.BigDecimal(d).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }
        return value.toString();
    }

    // ---- reports

    private Component report(ReportSpec spec, PortResult output) {
        Div box = new Div();
        box.addClassName("report-result");
        box.getElement().setAttribute("data-report-kind", spec.kind());
        Map<String, Object> metrics = inDeclaredOrder(spec, output.metrics() == null ? Map.of() : output.metrics());
        Map<String, Object> charts = output.charts() == null ? Map.of() : output.charts();
        if (!metrics.isEmpty()) {
            box.add(metricTiles(spec, headline(spec, metrics)));
        }
        for (String name : inDeclaredOrder(spec.chartNames(), charts.keySet())) {
            ReportSpec.Chart declared = spec.chart(name).orElse(null);
            chart(declared, charts.get(name)).ifPresent(chart -> box.add(chartFrame(name,
                    declared == null ? name : declared.title().in(locale), chart)));
        }
        if (!metrics.isEmpty()) {
            box.add(metricsTable(spec, metrics));
        }
        if (metrics.isEmpty() && charts.isEmpty()) {
            box.add(muted(getTranslation("results.no-output")));
        }
        return box;
    }

    /** Metrics in the order the component declares them (stored results keep no order), unknown ones after. */
    private static Map<String, Object> inDeclaredOrder(ReportSpec spec, Map<String, Object> metrics) {
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        inDeclaredOrder(spec.metricNames(), metrics.keySet()).forEach(name -> ordered.put(name, metrics.get(name)));
        return ordered;
    }

    private static List<String> inDeclaredOrder(List<String> declared, java.util.Set<String> present) {
        List<String> ordered = new ArrayList<>(declared.stream().filter(present::contains).toList());
        present.stream().filter(n -> !ordered.contains(n)).sorted().forEach(ordered::add);
        return ordered;
    }

    /** The metrics the report declares as headline, else its first numeric ones. */
    private static Map<String, Object> headline(ReportSpec spec, Map<String, Object> metrics) {
        Map<String, Object> chosen = new java.util.LinkedHashMap<>();
        spec.metrics().stream().filter(ReportSpec.Metric::headline)
                .filter(m -> metrics.get(m.name()) instanceof Number)
                .forEach(m -> chosen.put(m.name(), metrics.get(m.name())));
        if (chosen.isEmpty()) {
            metrics.entrySet().stream().filter(e -> e.getValue() instanceof Number).limit(4)
                    .forEach(e -> chosen.put(e.getKey(), e.getValue()));
        }
        return chosen;
    }

    private Component metricsTable(ReportSpec spec, Map<String, Object> metrics) {
        Grid<Map.Entry<String, Object>> grid = new Grid<>();
        grid.addClassName("metrics-table");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> metricTitle(spec, e.getKey())).setHeader(getTranslation("results.metric"));
        grid.addColumn(e -> MetricFormat.format(e.getValue(), locale)).setHeader(getTranslation("results.value"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(List.copyOf(metrics.entrySet()));
        return grid;
    }

    private Component chartFrame(String name, String title, Component chart) {
        Div frame = new Div();
        frame.addClassName("chart-frame");
        frame.getElement().setAttribute("data-chart", name);
        Span heading = new Span(title);
        heading.addClassName("chart-title");
        frame.add(heading, chart);
        return frame;
    }

    private Component metricTiles(ReportSpec spec, Map<String, Object> metrics) {
        Div tiles = new Div();
        tiles.addClassName("metric-tiles");
        metrics.forEach((name, value) -> {
            Div tile = new Div();
            tile.addClassName("metric-tile");
            tile.getElement().setAttribute("data-metric", name);
            Span label = new Span(metricTitle(spec, name));
            label.addClassName("metric-name");
            Span number = new Span(MetricFormat.format(value, locale));
            number.addClassName("metric-value");
            tile.add(label, number);
            tiles.add(tile);
        });
        return tiles;
    }

    private String metricTitle(ReportSpec spec, String name) {
        return spec.metric(name).map(m -> m.title().in(locale)).orElse(name);
    }

    /** A model's training facts, which no report declares: the studio's own words for the common ones. */
    private String factTitle(String name) {
        String text = getTranslation("metric." + name);
        return text.startsWith("!") ? name : text;
    }

    /**
     * A chart drawn as its report declares it: curves (with the chance diagonal where declared) and bars; data the
     * studio cannot draw is left out rather than shown raw.
     */
    private java.util.Optional<Component> chart(ReportSpec.Chart declared, Object data) {
        ReportSpec.ChartKind kind = declared == null ? guessKind(data) : declared.kind();
        Chart chart = switch (kind) {
            case CURVE, CURVE_WITH_DIAGONAL, SCATTER -> {
                List<List<Double>> xy = points(data);
                if (xy.isEmpty()) {
                    yield null;
                }
                yield kind == ReportSpec.ChartKind.CURVE_WITH_DIAGONAL ? Chart.roc(xy)
                        : new Chart(CurveOption.of(xy, axis(declared, true), axis(declared, false)));
            }
            case BARS -> {
                if (!(data instanceof Map<?, ?> bars) || bars.isEmpty()
                        || !bars.values().stream().allMatch(Number.class::isInstance)) {
                    yield null;
                }
                List<String> names = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                bars.forEach((k, v) -> {
                    names.add(String.valueOf(k));
                    values.add(((Number) v).doubleValue());
                });
                Chart bar = Chart.bars(names, values, null);
                bar.setHeight(barsHeight(names.size()));
                yield bar;
            }
            default -> null;
        };
        if (chart == null) {
            return java.util.Optional.empty();
        }
        if (chart.getHeight() == null || "320px".equals(chart.getHeight())) {
            chart.setHeight("260px");
        }
        chart.addClassName("result-chart");
        return java.util.Optional.of(chart);
    }

    private static ReportSpec.ChartKind guessKind(Object data) {
        return data instanceof Map<?, ?> ? ReportSpec.ChartKind.BARS : ReportSpec.ChartKind.CURVE;
    }

    private static List<List<Double>> points(Object data) {
        List<List<Double>> xy = new ArrayList<>();
        if (data instanceof List<?> points) {
            for (Object point : points) {
                if (point instanceof List<?> p && p.size() >= 2 && p.get(0) instanceof Number x
                        && p.get(1) instanceof Number y) {
                    xy.add(List.of(x.doubleValue(), y.doubleValue()));
                }
            }
        }
        return xy;
    }

    private String axis(ReportSpec.Chart declared, boolean x) {
        if (declared == null) {
            return "";
        }
        io.easel.component.Text title = x ? declared.x() : declared.y();
        return title == null ? "" : title.in(locale);
    }

    private static String barsHeight(int bars) {
        return Math.max(180, 26 * bars + 40) + "px";
    }

    // ---- models

    private Component model(ModelSpec spec, PortResult output) {
        Div card = new Div();
        card.addClassName("model-card");
        if (onDeploy != null) {
            Button deploy = new Button(getTranslation("deploy.button"), VaadinIcon.CLOUD_UPLOAD_O.create(),
                    e -> onDeploy.run());
            deploy.addThemeVariants(ButtonVariant.PRIMARY);
            deploy.setId("deploy-model");
            deploy.addClassName("deploy-button");
            Span hint = new Span(getTranslation("deploy.hint"));
            hint.addClassName("muted");
            Div deployBox = new Div(deploy, hint);
            deployBox.addClassName("deploy-box");
            card.add(deployBox);
        }
        String algorithm = catalog.find(spec.algorithm()).map(c -> c.title().in(locale)).orElse(spec.algorithm());
        card.add(fact(getTranslation("results.model.algorithm"), new Span(algorithm)));
        if (spec.label() != null) {
            Span label = new Span(spec.label().name());
            label.addClassName("model-label");
            card.add(fact(getTranslation("results.model.label"), new Div(label, typeLabel(spec.label()))));
        }
        card.add(fact(getTranslation("results.model.features", spec.features().size()), chips(spec.features())));
        if (!spec.outputs().isEmpty()) {
            card.add(fact(getTranslation("results.model.outputs"), chips(spec.outputs())));
        }
        if (output.metrics() != null && !output.metrics().isEmpty()) {
            card.add(factsTable(new java.util.TreeMap<>(output.metrics())));
        }
        return card;
    }

    private Component factsTable(Map<String, Object> facts) {
        Grid<Map.Entry<String, Object>> grid = new Grid<>();
        grid.addClassName("metrics-table");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> factTitle(e.getKey())).setHeader(getTranslation("results.metric"));
        grid.addColumn(e -> MetricFormat.format(e.getValue(), locale)).setHeader(getTranslation("results.value"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(List.copyOf(facts.entrySet()));
        return grid;
    }

    private Div chips(List<ColumnSpec> columns) {
        Div chips = new Div();
        chips.addClassName("chips");
        for (ColumnSpec column : columns) {
            Span chip = new Span(column.name());
            chip.addClassName("chip");
            chip.getElement().setAttribute("title", column.type().jsonName());
            chips.add(chip);
        }
        return chips;
    }

    private Div fact(String label, Component value) {
        Span name = new Span(label);
        name.addClassName("fact-label");
        Div fact = new Div(name, value);
        fact.addClassName("fact");
        return fact;
    }

    private Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("muted");
        return span;
    }
}
