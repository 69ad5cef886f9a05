package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.easel.component.ReportSpec;
import io.easel.component.Text;
import io.easel.run.PortResult;
import io.easel.studio.canvas.Chart;
import io.easel.studio.canvas.ChartOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A report as its component declares it: the headline metrics as tiles, every chart drawn by its declared kind with its
 * declared titles, and all metrics in a table, in the UI's language. Data that does not fit its declared kind is left
 * out rather than shown raw.
 */
class ReportView extends Div {

    private static final int MAX_TABLE_HEIGHT_ROWS = 10;

    private final ReportSpec spec;
    private final Locale locale;
    private final ChartOption.Texts texts;
    private final PortResult output;

    ReportView(ReportSpec spec, PortResult output, Locale locale) {
        this.spec = spec;
        this.output = output;
        this.locale = locale;
        this.texts = chartTexts(this);
        addClassName("report-result");
        getElement().setAttribute("data-report-kind", spec.kind());
        Map<String, Object> metrics = inDeclaredOrder(output.metrics() == null ? Map.of() : output.metrics());
        Map<String, Object> charts = output.charts() == null ? Map.of() : output.charts();
        if (!metrics.isEmpty()) {
            add(metricTiles(headline(metrics)));
        }
        for (String name : inDeclaredOrder(spec.chartNames(), charts.keySet())) {
            Optional<ReportSpec.Chart> declared = spec.chart(name);
            ReportSpec.ChartKind kind = declared.map(ReportSpec.Chart::kind)
                    .orElseGet(() -> guessKind(charts.get(name)));
            String title = declared.map(c -> c.title().in(locale)).orElse(name);
            ChartOption.Axes axes = new ChartOption.Axes(declared.map(c -> in(c.x())).orElse(""),
                    declared.map(c -> in(c.y())).orElse(""));
            draw(kind, charts.get(name), axes).ifPresent(drawn -> add(frame(name, kind, title, drawn)));
        }
        if (!metrics.isEmpty()) {
            add(metricsTable(metrics));
        }
        if (metrics.isEmpty() && charts.isEmpty()) {
            Span nothing = new Span(getTranslation("results.no-output"));
            nothing.addClassName("muted");
            add(nothing);
        }
    }

    /** The words of a chart's toolbox in the UI's language. */
    static ChartOption.Texts chartTexts(Component translator) {
        return new ChartOption.Texts(translator.getTranslation("chart.save-image"),
                translator.getTranslation("chart.zoom"), translator.getTranslation("chart.zoom-reset"));
    }

    private String in(Text text) {
        return text == null ? "" : text.in(locale);
    }

    /** Metrics in the order the component declares them (stored results keep no order), unknown ones after. */
    private Map<String, Object> inDeclaredOrder(Map<String, Object> metrics) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        inDeclaredOrder(spec.metricNames(), metrics.keySet()).forEach(name -> ordered.put(name, metrics.get(name)));
        return ordered;
    }

    private static List<String> inDeclaredOrder(List<String> declared, Set<String> present) {
        List<String> ordered = new ArrayList<>(declared.stream().filter(present::contains).toList());
        present.stream().filter(n -> !ordered.contains(n)).sorted().forEach(ordered::add);
        return ordered;
    }

    /** The metrics the report declares as headline, else its first numeric ones. */
    private Map<String, Object> headline(Map<String, Object> metrics) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        spec.metrics().stream().filter(ReportSpec.Metric::headline)
                .filter(m -> metrics.get(m.name()) instanceof Number)
                .forEach(m -> chosen.put(m.name(), metrics.get(m.name())));
        if (chosen.isEmpty()) {
            metrics.entrySet().stream().filter(e -> e.getValue() instanceof Number).limit(4)
                    .forEach(e -> chosen.put(e.getKey(), e.getValue()));
        }
        return chosen;
    }

    private Component metricTiles(Map<String, Object> metrics) {
        Div tiles = new Div();
        tiles.addClassName("metric-tiles");
        metrics.forEach((name, value) -> tiles.add(tile(name, metricTitle(name),
                new Span(MetricFormat.format(value, locale)))));
        return tiles;
    }

    /** A metric as a tile: its title over its value. */
    static Div tile(String name, String title, Span value) {
        Span label = new Span(title);
        label.addClassName("metric-name");
        value.addClassName("metric-value");
        Div tile = new Div(label, value);
        tile.addClassName("metric-tile");
        tile.getElement().setAttribute("data-metric", name);
        return tile;
    }

    private Component metricsTable(Map<String, Object> metrics) {
        return namedValues(List.copyOf(metrics.entrySet()), this::metricTitle, getTranslation("results.metric"),
                getTranslation("results.value"), locale);
    }

    /** Named values (metrics, training facts) as a two-column table: the title of each name, and its value. */
    static Grid<Map.Entry<String, Object>> namedValues(List<Map.Entry<String, Object>> values,
            java.util.function.Function<String, String> title, String nameHeader, String valueHeader, Locale locale) {
        Grid<Map.Entry<String, Object>> grid = new Grid<>();
        grid.addClassName("metrics-table");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> title.apply(e.getKey())).setHeader(nameHeader);
        grid.addColumn(e -> MetricFormat.format(e.getValue(), locale)).setHeader(valueHeader)
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(values);
        return grid;
    }

    private String metricTitle(String name) {
        return spec.metric(name).map(m -> m.title().in(locale)).orElse(name);
    }

    private Component frame(String name, ReportSpec.ChartKind kind, String title, Component drawn) {
        Span heading = new Span(title);
        heading.addClassName("chart-title");
        Div frame = new Div(heading, drawn);
        frame.addClassName("chart-frame");
        frame.getElement().setAttribute("data-chart", name);
        frame.getElement().setAttribute("data-chart-kind", kind.jsonName());
        return frame;
    }

    private static ReportSpec.ChartKind guessKind(Object data) {
        return data instanceof Map<?, ?> ? ReportSpec.ChartKind.BARS : ReportSpec.ChartKind.CURVE;
    }

    // ---- one chart, by kind

    private Optional<Component> draw(ReportSpec.ChartKind kind, Object data, ChartOption.Axes axes) {
        return switch (kind) {
            case CURVE, CURVE_WITH_DIAGONAL -> ChartData.points(data).map(points -> chart(
                    ChartOption.curve(points, axes, kind == ReportSpec.ChartKind.CURVE_WITH_DIAGONAL, texts), 260));
            case SCATTER, SCATTER_WITH_DIAGONAL -> ChartData.points(data).map(points -> chart(
                    ChartOption.scatter(points, ChartData.groups(data), axes,
                            kind == ReportSpec.ChartKind.SCATTER_WITH_DIAGONAL, texts), 300));
            case BARS -> ChartData.bars(data).map(bars -> chart(
                    ChartOption.bars(bars.names(), bars.values(), axes, texts), barsHeight(bars.names().size())));
            case HISTOGRAM -> ChartData.histogram(data).map(histogram -> chart(
                    ChartOption.histogram(histogram.edges(), histogram.counts(), axes, texts), 260));
            case HISTOGRAMS -> ChartData.histograms(data).map(histograms -> smallHistograms(histograms, axes));
            case MATRIX -> ChartData.matrix(data).map(matrix -> matrix(matrix, axes));
            case TABLE -> ChartData.table(data).map(table -> ChartData.thresholds(data)
                    .map(cuts -> thresholds(cuts, table)).orElseGet(() -> table(table)));
        };
    }

    static Chart chart(String option, int height) {
        Chart chart = new Chart(option);
        chart.setHeight(height + "px");
        chart.addClassName("result-chart");
        return chart;
    }

    static int barsHeight(int bars) {
        return Math.max(180, 26 * bars + 60);
    }

    /** One small histogram per name, titled by it, side by side where the panel is wide enough. */
    private Component smallHistograms(Map<String, ChartData.Histogram> histograms, ChartOption.Axes axes) {
        Div grid = new Div();
        grid.addClassName("small-histograms");
        histograms.forEach((name, histogram) -> {
            Span title = new Span(name);
            title.addClassName("small-histogram-title");
            Div cell = new Div(title, chart(ChartOption.histogram(histogram.edges(), histogram.counts(), axes, texts),
                    180));
            cell.addClassName("small-histogram");
            cell.getElement().setAttribute("data-histogram", name);
            grid.add(cell);
        });
        return grid;
    }

    /**
     * A heat map: of counts (whole numbers, none negative) with a toggle between counts and each row's shares (recall
     * per class, for a confusion matrix); else of values such as correlations or covariances, on a scale around 0,
     * even when none of them is negative.
     */
    private Component matrix(ChartData.Matrix matrix, ChartOption.Axes axes) {
        boolean counts = matrix.values().stream().flatMap(List::stream).allMatch(v -> v >= 0 && v == Math.rint(v));
        if (counts) {
            return new CountsMatrix(matrix.labels(), matrix.values(), axes, texts);
        }
        return chart(ChartOption.signedMatrix(matrix.labels(), matrix.values(), axes, texts),
                CountsMatrix.height(matrix.labels().size()));
    }

    /**
     * A binary classifier's confusion by threshold: a slider over the thresholds with the rates and the 2 × 2 matrix
     * at the one chosen, starting at the report's threshold; the whole table folded below.
     */
    private Component thresholds(List<ChartData.Cut> cuts, ChartData.Table table) {
        double initial = output.metrics() != null && output.metrics().get("threshold") instanceof Number n
                ? n.doubleValue() : 0.5;
        Object positive = output.metrics() == null ? null : output.metrics().get("positiveLabel");
        ThresholdExplorer explorer = new ThresholdExplorer(cuts, initial,
                positive == null ? getTranslation("results.threshold.positive") : String.valueOf(positive),
                this::metricTitle, locale, texts);
        Details all = new Details(getTranslation("results.threshold.table"), table(table));
        all.addClassName("threshold-table");
        return new Div(explorer, all);
    }

    private Component table(ChartData.Table table) {
        Grid<List<Object>> grid = new Grid<>();
        grid.addClassName("report-table");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
        for (int i = 0; i < table.columns().size(); i++) {
            int index = i;
            List<Object> cells = table.rows().stream().map(r -> index < r.size() ? r.get(index) : null).toList();
            boolean numeric = cells.stream().allMatch(c -> c == null || c instanceof Number);
            // A column with any fraction shows all its numbers to the same places, so 1 does not stand beside 0.8000.
            boolean fractions = numeric && cells.stream().anyMatch(c -> c instanceof Number n
                    && n.doubleValue() != Math.rint(n.doubleValue()));
            grid.addColumn(row -> {
                        Object cell = index < row.size() ? row.get(index) : null;
                        return fractions && cell instanceof Number n ? MetricFormat.fraction(n.doubleValue(), locale)
                                : MetricFormat.format(cell, locale);
                    })
                    .setHeader(table.columns().get(i))
                    .setFlexGrow(numeric ? 1 : 2)
                    .setResizable(true)
                    .setTextAlign(numeric ? ColumnTextAlign.END : ColumnTextAlign.START);
        }
        grid.setItems(table.rows());
        if (table.rows().size() <= MAX_TABLE_HEIGHT_ROWS) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("320px");
        }
        return grid;
    }
}
