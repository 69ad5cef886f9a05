package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
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
import io.easel.component.DataType;
import io.easel.component.ModelSpec;
import io.easel.component.Port;
import io.easel.component.PortSpec;
import io.easel.component.ReportSpec;
import io.easel.component.TableSpec;
import io.easel.run.ModelDescription;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.server.run.NodeResultView;
import io.easel.studio.canvas.Chart;
import io.easel.studio.canvas.ChartOption;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a finished node produced, port by port: tables as row count, schema and first rows; reports as metrics and
 * charts; models as what they learn from and predict, with Deploy. A failed node shows why.
 */
class NodeResultsView extends Div {

    /** More rows than this read better as a table than as bars. */
    private static final int MAX_BARS = 40;
    private static final List<String> FIRST_FACTS = List.of("trainingRows", "features", "classes", "clusters",
            "positiveLabel", "negativeLabel");

    private final ComponentDescriptor component;
    private final Catalog catalog;
    private final Locale locale;
    private final Runnable onDeploy;
    private final Function<String, TableDataGrid.Source> tables;

    /**
     * @param onDeploy deploys the model this node exported; null when the node has no model output
     * @param tables reads the whole of a table output, by port name
     */
    NodeResultsView(ComponentDescriptor component, Catalog catalog, NodeResultView result, Locale locale,
            Runnable onDeploy, Function<String, TableDataGrid.Source> tables) {
        this.component = component;
        this.catalog = catalog;
        this.locale = locale;
        this.onDeploy = onDeploy;
        this.tables = tables;
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
        String raw = result.message() == null ? "" : result.message();
        // The cause in plain words first; Spark's own text, when it said the same less plainly, folded below.
        Pre cause = new Pre(RunProgressText.plainCause(raw, locale));
        cause.addClassName("error-message");
        cause.getElement().setAttribute("data-cause", "plain");
        box.add(title, cause);
        if (result.state() == NodeState.FAILED && RunProgressText.explained(raw)) {
            Pre detail = new Pre(raw);
            detail.addClassName("error-detail");
            Details folded = new Details(getTranslation("results.failure.detail"), detail);
            folded.addClassName("error-details");
            folded.setOpened(false);
            box.add(folded);
        }
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
            case ReportSpec report -> section.add(new ReportView(report, output, locale));
            case ModelSpec model -> section.add(model(port, model, output));
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
        expand.addClassName("open-table");
        Div facts = new Div(summary);
        storage(output.storage()).ifPresent(facts::add);
        Div line = new Div(facts, expand);
        line.addClassName("table-summary-line");

        TabSheet tabs = new TabSheet();
        tabs.addThemeVariants(TabSheetVariant.TABS_SMALL, TabSheetVariant.NO_PADDING);
        tabs.addClassName("table-tabs");
        tabs.add(getTranslation("results.table.preview"), sampleGrid(table, output, "260px"));
        tabs.add(getTranslation("results.table.schema"), schemaGrid(table));
        if (output.location() != null) {
            tabs.add(getTranslation("results.table.statistics"), new ColumnStatisticsView(
                    () -> tables.apply(port.name()).statistics(), locale))
                    .getElement().setAttribute("data-tab", "statistics");
        }
        box.add(line, tabs);
        barsOf(table, output).ifPresent(box::add);
        return box;
    }

    /**
     * The size of a table's files and whether the nodes downstream read it from memory (a small table) or from its
     * files; nothing for a table reported before runs said so.
     */
    private Optional<Component> storage(PortResult.TableStorage storage) {
        if (storage == null) {
            return Optional.empty();
        }
        Span text = new Span(getTranslation(storage.inMemory() ? "results.table.storage.memory"
                : "results.table.storage.files", size(storage.bytes())));
        text.addClassName("table-storage");
        text.getElement().setAttribute("data-in-memory", Boolean.toString(storage.inMemory()));
        return Optional.of(text);
    }

    /** A size in bytes as people read it: 980 B, 42.5 KB, 3.1 MB. */
    private String size(long bytes) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(1);
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return number.format(value) + " " + units[unit];
    }

    /**
     * A small ranking table (a text column, then numbers: feature importances and the like) also reads as bars of
     * its first number, in the table's order, which is the order its component states.
     */
    private Optional<Component> barsOf(TableSpec table, PortResult output) {
        List<List<Object>> rows = output.sampleRows() == null ? List.of() : output.sampleRows();
        List<ColumnSpec> columns = table.columns();
        boolean ranking = columns.size() >= 2 && columns.size() <= 3 && columns.getFirst().type() == DataType.STRING
                && columns.stream().skip(1).allMatch(c -> c.type().isNumeric());
        if (!ranking || rows.isEmpty() || rows.size() > MAX_BARS || output.rowCount() == null
                || output.rowCount() > rows.size()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        rows.stream().filter(row -> row.size() >= 2 && row.get(1) instanceof Number).forEach(row -> {
            names.add(String.valueOf(row.get(0)));
            values.add(((Number) row.get(1)).doubleValue());
        });
        String measure = columns.get(1).name();
        ChartOption.Axes axes = new ChartOption.Axes(measure, columns.getFirst().name());
        Chart chart = new Chart(ChartOption.bars(names, values, axes, ReportView.chartTexts(this)));
        chart.setHeight(ReportView.barsHeight(names.size()) + "px");
        chart.addClassName("result-chart");
        chart.addClassName("bars-chart");
        Span heading = new Span(measure);
        heading.addClassName("chart-title");
        Div frame = new Div(heading, chart);
        frame.addClassName("chart-frame");
        frame.getElement().setAttribute("data-chart", measure);
        frame.getElement().setAttribute("data-chart-kind", "bars");
        return Optional.of(frame);
    }

    private void openTableDialog(Port port, TableSpec table, PortResult output) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(component.title().in(locale) + " · " + port.title().in(locale));
        dialog.setWidth("min(1200px, 94vw)");
        dialog.setHeight("80vh");
        dialog.setResizable(true);
        dialog.addClassName("table-data-dialog");
        dialog.add(output.location() == null ? sampleGrid(table, output, "100%")
                : new TableDataGrid(table, tables.apply(port.name()), locale, this::cell));
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.setId("table-dialog-close");
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

    /**
     * A training fact's title: the learners' {@code facts(...)} name them by key only, so the studio has words for the
     * common ones and shows any other by its key.
     */
    private String factTitle(String name) {
        String text = getTranslation("fact." + name);
        return text.startsWith("!") ? name : text;
    }

    /** What the data was (rows, features, classes) first, then what was learned, by title. */
    private List<Map.Entry<String, Object>> factsInOrder(Map<String, Object> facts) {
        java.util.Comparator<Map.Entry<String, Object>> order = java.util.Comparator
                .comparingInt((Map.Entry<String, Object> e) -> FIRST_FACTS.contains(e.getKey())
                        ? FIRST_FACTS.indexOf(e.getKey()) : FIRST_FACTS.size())
                .thenComparing(e -> factTitle(e.getKey()).toLowerCase(locale));
        return facts.entrySet().stream().sorted(order).toList();
    }

    // ---- models

    private Component model(Port port, ModelSpec spec, PortResult output) {
        Div card = new Div();
        card.addClassName("model-card");
        Object notExported = output.metrics() == null ? null
                : output.metrics().get(ModelDescription.NOT_EXPORTED_FACT);
        if (!port.exportsPmml() || notExported != null) {
            Span reason = new Span(notExported != null ? getTranslation("deploy.not-exported", notExported)
                    : getTranslation("deploy.no-pmml"));
            reason.addClassName("muted");
            Div notDeployable = new Div(VaadinIcon.INFO_CIRCLE_O.create(), reason);
            notDeployable.addClassName("not-deployable");
            notDeployable.setId("not-deployable");
            card.add(notDeployable);
        } else if (onDeploy != null) {
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
            card.add(factsTable(output.metrics()));
        }
        return card;
    }

    private Component factsTable(Map<String, Object> facts) {
        Grid<Map.Entry<String, Object>> grid = ReportView.namedValues(factsInOrder(facts), this::factTitle,
                getTranslation("results.model.fact"), getTranslation("results.value"), locale);
        grid.addClassName("facts-table");
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
