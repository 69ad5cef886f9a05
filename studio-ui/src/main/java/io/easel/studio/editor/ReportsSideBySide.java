package io.easel.studio.editor;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.easel.component.ReportSpec;
import io.easel.component.Text;
import io.easel.server.run.ReportComparison;
import io.easel.studio.canvas.Chart;
import io.easel.studio.canvas.ChartOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluation reports side by side: one column of metric values per report (headlines first; across runs, a value that
 * differs from the first run's marked), and the curves of one chart kind overlaid, the chart chosen among those the
 * reports have (ROC first).
 */
class ReportsSideBySide extends Div {

    /** One report and the column title it is shown under. */
    record Column(String title, ReportComparison.ComparedReport report) {}

    private final List<Column> columns;
    private final Locale locale;
    private final boolean markDifferences;
    private final Div chartSlot = new Div();

    /**
     * @param markDifferences mark the values that differ from the first column's: for one evaluation in several
     *     runs (what changed); several models differ anyway
     */
    ReportsSideBySide(List<Column> columns, List<ReportSpec.Metric> metrics, List<ReportSpec.Chart> curves,
            Locale locale, boolean markDifferences) {
        this.columns = columns;
        this.locale = locale;
        this.markDifferences = markDifferences;
        addClassName("reports-side-by-side");
        add(metricsTable(metrics));
        List<ReportSpec.Chart> drawable = curves.stream()
                .filter(c -> columns.stream().anyMatch(column -> points(column, c).isPresent())).toList();
        if (!drawable.isEmpty()) {
            Select<ReportSpec.Chart> chart = new Select<>();
            chart.setId("compare-chart");
            chart.setLabel(getTranslation("compare.chart"));
            chart.setItems(drawable);
            chart.setItemLabelGenerator(c -> c.title().in(locale));
            chart.addValueChangeListener(e -> draw(e.getValue()));
            chart.setValue(drawable.stream().filter(c -> c.name().equals("roc")).findFirst()
                    .orElse(drawable.getFirst()));
            add(chart, chartSlot);
        }
    }

    private Grid<ReportSpec.Metric> metricsTable(List<ReportSpec.Metric> metrics) {
        Grid<ReportSpec.Metric> grid = new Grid<>();
        grid.addClassName("compare-metrics");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
        grid.addColumn(m -> m.title().in(locale)).setHeader(getTranslation("compare.metric")).setAutoWidth(true)
                .setFlexGrow(1);
        for (Column column : columns) {
            grid.addComponentColumn(metric -> cell(column, metric)).setHeader(column.title()).setAutoWidth(true)
                    .setFlexGrow(0);
        }
        List<ReportSpec.Metric> shown = metrics.stream()
                .filter(m -> columns.stream().anyMatch(c -> c.report().metrics().get(m.name()) != null))
                .sorted((a, b) -> Boolean.compare(b.headline(), a.headline())).toList();
        grid.setItems(shown);
        grid.setAllRowsVisible(shown.size() <= 12);
        grid.setHeight(shown.size() <= 12 ? null : "420px");
        grid.setPartNameGenerator(m -> m.headline() ? "headline-metric" : null);
        return grid;
    }

    private Span cell(Column column, ReportSpec.Metric metric) {
        Object value = column.report().metrics().get(metric.name());
        Span cell = new Span(value == null ? "—" : MetricFormat.format(value, locale));
        cell.getElement().setAttribute("data-metric", metric.name());
        Object first = columns.getFirst().report().metrics().get(metric.name());
        if (markDifferences && column != columns.getFirst() && !Objects.equals(first, value)) {
            cell.addClassName("value-differs");
        }
        return cell;
    }

    private void draw(ReportSpec.Chart chart) {
        chartSlot.removeAll();
        if (chart == null) {
            return;
        }
        List<CurveOverlay.Series> series = columns.stream()
                .flatMap(c -> points(c, chart).map(p -> new CurveOverlay.Series(c.title(), p)).stream()).toList();
        Chart overlay = new Chart(CurveOverlay.option(series, new ChartOption.Axes(in(chart.x()), in(chart.y())),
                chart.kind() == ReportSpec.ChartKind.CURVE_WITH_DIAGONAL, ReportView.chartTexts(this)));
        overlay.setHeight("340px");
        overlay.setId("compare-overlay");
        overlay.getElement().setAttribute("data-series", Integer.toString(series.size()));
        chartSlot.add(overlay);
    }

    private static Optional<List<List<Double>>> points(Column column, ReportSpec.Chart chart) {
        return ChartData.points(column.report().curves().get(chart.name()));
    }

    private String in(Text text) {
        return text == null ? "" : text.in(locale);
    }
}
