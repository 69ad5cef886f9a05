package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.easel.server.run.PortStatisticsView;
import io.easel.server.run.PortStatisticsView.ColumnStatistics;
import io.easel.server.run.StatisticsUnavailableException;
import io.easel.studio.canvas.Chart;
import io.easel.studio.canvas.ChartOption;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.web.ErrorResponseException;

/**
 * The column statistics of one table output, in a tab beside its rows: per column the missing and distinct values,
 * the range and mean, the most frequent values, and the histogram of the column chosen in the table. The engine
 * computes them the first time the tab opens (the tab's content is attached only then); until they are there the
 * tab says so and asks again every {@link #POLL}.
 */
class ColumnStatisticsView extends Div {

    static final Duration POLL = Duration.ofMillis(1500);
    /** Tables of up to this many columns show every one; longer ones scroll. */
    private static final int ROWS_SHOWN_WHOLE = 10;
    /** One timer for every open statistics tab: it only hands the asking to each tab's UI. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("easel-statistics-poll").factory());

    private final Supplier<PortStatisticsView> source;
    private final Locale locale;
    private final Div histogram = new Div();
    private PortStatisticsView shown;
    private ScheduledFuture<?> nextAsk;

    /** @param source asks the server for the statistics (computing them the first time) */
    ColumnStatisticsView(Supplier<PortStatisticsView> source, Locale locale) {
        this.source = source;
        this.locale = locale;
        addClassName("column-statistics");
        histogram.addClassName("statistics-histogram");
        addAttachListener(e -> {
            if (shown == null || shown.isComputing()) {
                ask();
            }
        });
        addDetachListener(e -> stopAsking());
    }

    private void ask() {
        stopAsking();
        PortStatisticsView answer;
        try {
            answer = source.get();
        } catch (StatisticsUnavailableException e) {
            showProblem(getTranslation("results.statistics.unavailable"),
                    getTranslation("results.statistics.unavailable." + e.reason().code()));
            return;
        } catch (ErrorResponseException e) {
            showProblem(getTranslation("results.statistics.gone"), null); // the detail names run, node and port
            return;
        } catch (UncheckedIOException e) {
            // the workspace could not be read: said here rather than as an error page over the whole editor
            showProblem(getTranslation("results.statistics.failed"), e.getMessage());
            return;
        }
        shown = answer;
        switch (answer.state()) {
            case PortStatisticsView.READY -> showFigures(answer);
            case PortStatisticsView.FAILED -> showProblem(getTranslation("results.statistics.failed"),
                    answer.cause().in(locale));
            default -> {
                showComputing();
                askAgainLater();
            }
        }
    }

    private void askAgainLater() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        nextAsk = TIMER.schedule(() -> {
            try {
                ui.access(() -> {
                    if (isAttached()) {
                        ask();
                    }
                });
            } catch (UIDetachedException closed) {
                // the page went away: nothing to show the statistics on
            }
        }, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stopAsking() {
        if (nextAsk != null) {
            nextAsk.cancel(false);
            nextAsk = null;
        }
    }

    private void showComputing() {
        removeAll();
        getElement().setAttribute("data-state", PortStatisticsView.COMPUTING);
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        Span text = new Span(getTranslation("results.statistics.computing"));
        text.addClassName("muted");
        add(text, progress);
    }

    private void showProblem(String title, String detail) {
        removeAll();
        getElement().setAttribute("data-state", PortStatisticsView.FAILED);
        Span problem = new Span(title);
        problem.addClassName("statistics-problem");
        add(problem);
        if (detail != null && !detail.isBlank()) {
            Span why = new Span(detail);
            why.addClassName("muted");
            why.addClassName("statistics-problem-detail");
            add(why);
        }
    }

    private void showFigures(PortStatisticsView statistics) {
        removeAll();
        getElement().setAttribute("data-state", PortStatisticsView.READY);
        NumberFormat count = NumberFormat.getIntegerInstance(locale);
        Span summary = new Span(getTranslation("results.statistics.summary", count.format(statistics.rows()),
                count.format(statistics.columns().size()), count.format(statistics.completeRows())));
        summary.addClassName("statistics-summary");
        Grid<ColumnStatistics> grid = new Grid<>();
        grid.addClassName("statistics-grid");
        grid.addThemeVariants(GridVariant.COLUMN_BORDERS, GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        if (statistics.columns().size() <= ROWS_SHOWN_WHOLE) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("320px");
        }
        grid.addComponentColumn(this::columnName).setHeader(getTranslation("results.column")).setAutoWidth(true)
                .setFrozen(true).setResizable(true);
        number(grid, "results.statistics.missing", c -> missing(c, statistics.rows()));
        number(grid, "results.statistics.distinct", c -> count.format(c.distinct()));
        number(grid, "results.statistics.min", c -> figure(c.min()));
        number(grid, "results.statistics.mean", c -> figure(c.mean()));
        number(grid, "results.statistics.max", c -> figure(c.max()));
        grid.addColumn(c -> c.topValues() == null ? "" : c.topValues())
                .setHeader(getTranslation("results.statistics.top-values")).setAutoWidth(true).setResizable(true)
                .setTooltipGenerator(ColumnStatistics::topValues);
        grid.setPartNameGenerator(c -> c.histogram() == null ? null : "with-histogram");
        grid.setItems(statistics.columns());
        grid.addItemClickListener(click -> showHistogram(click.getItem()));
        add(summary, grid, histogram);
        statistics.columns().stream().filter(c -> c.histogram() != null).findFirst().ifPresentOrElse(
                this::showHistogram, () -> histogram.removeAll());
    }

    private void number(Grid<ColumnStatistics> grid, String header, Function<ColumnStatistics, String> value) {
        grid.addColumn(value::apply).setHeader(getTranslation(header)).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END).setResizable(true);
    }

    private Component columnName(ColumnStatistics column) {
        Span type = new Span(column.type());
        type.addClassName("column-type");
        type.getElement().setAttribute("data-type", column.type());
        Div name = new Div(new Span(column.name()), type);
        name.addClassName("column-header");
        name.getElement().setAttribute("data-column", column.name());
        name.getElement().setAttribute("data-missing", Long.toString(column.missing()));
        name.getElement().setAttribute("data-distinct", Long.toString(column.distinct()));
        return name;
    }

    /** A column's histogram below the table; a column without one (text) says so. */
    private void showHistogram(ColumnStatistics column) {
        histogram.removeAll();
        histogram.getElement().setAttribute("data-column", column.name());
        if (column.histogram() == null) {
            Span none = new Span(getTranslation("results.statistics.no-histogram", column.name()));
            none.addClassName("muted");
            histogram.add(none);
            return;
        }
        Span title = new Span(getTranslation("results.statistics.histogram", column.name()));
        title.addClassName("chart-title");
        Chart chart = new Chart(ChartOption.histogram(column.histogram().edges(), column.histogram().counts(),
                new ChartOption.Axes(column.name(), getTranslation("results.statistics.rows")),
                ReportView.chartTexts(this)));
        chart.setHeight("220px");
        chart.addClassName("result-chart");
        Div frame = new Div(title, chart);
        frame.addClassName("chart-frame");
        frame.getElement().setAttribute("data-chart", "column-histogram");
        frame.getElement().setAttribute("data-chart-kind", "histogram");
        histogram.add(frame);
    }

    private String missing(ColumnStatistics column, long rows) {
        String share = column.missingShare() == null || column.missing() == 0 ? ""
                : " (" + NumberFormat.getPercentInstance(locale).format(column.missingShare()) + ")";
        return NumberFormat.getIntegerInstance(locale).format(column.missing()) + share;
    }

    /** A figure as the data reads: 4.3, 2, 0.1, 3271.258 (at most four decimals, none added). */
    private String figure(Double value) {
        if (value == null) {
            return "";
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        NumberFormat figure = NumberFormat.getNumberInstance(locale);
        figure.setMaximumFractionDigits(4);
        return figure.format(value);
    }
}
