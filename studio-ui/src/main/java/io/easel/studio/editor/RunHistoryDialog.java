package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.easel.server.run.RunSummary;
import io.easel.server.run.RunTrigger;
import io.easel.studio.layout.RelativeTime;
import io.easel.studio.layout.StateBadge;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The experiment's runs, newest first, each with the revision it ran, its state, duration and the headline metrics of
 * its evaluations: open one's results on the canvas, compare its evaluations side by side, compare it with the latest
 * run, or compare two selected runs.
 */
class RunHistoryDialog extends Dialog {

    /** What the editor does for each choice; the dialog closes first. */
    interface Actions {
        void open(RunSummary run);

        void compareReports(RunSummary run);

        void compare(RunSummary first, RunSummary second);
    }

    private final Grid<RunSummary> grid = new Grid<>();
    private final Function<RunSummary.Headline, String> nodeName;

    /** @param nodeName the name of the node a headline metric comes from, as the canvas shows it */
    RunHistoryDialog(String experimentName, List<RunSummary> runs, Function<RunSummary.Headline, String> nodeName,
            Actions actions) {
        this.nodeName = nodeName;
        setId("run-history-dialog");
        setHeaderTitle(getTranslation("history.title", experimentName));
        setWidth("1000px");

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(r -> RelativeTime.format(r.createdAt(), Instant.now(), getLocale(),
                (key, argument) -> argument == null ? getTranslation(key) : getTranslation(key, argument)))
                .setHeader(getTranslation("history.started")).setWidth("140px").setFlexGrow(0);
        grid.addColumn(r -> r.revision() == null ? "—" : "#" + r.revision())
                .setHeader(getTranslation("history.revision")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            StateBadge badge = new StateBadge();
            badge.show(r.state());
            if (r.trigger() != RunTrigger.SCHEDULE) {
                return badge;
            }
            Span scheduled = new Span(getTranslation("history.scheduled"));
            scheduled.getElement().getThemeList().add("badge contrast small");
            scheduled.addClassName("scheduled-run-badge");
            scheduled.getElement().setAttribute("title", getTranslation("history.scheduled.help"));
            Span both = new Span(badge, scheduled);
            both.getStyle().set("display", "inline-flex").set("gap", "var(--lumo-space-xs)");
            return both;
        }).setHeader(getTranslation("history.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> duration(r.durationMillis())).setHeader(getTranslation("history.duration"))
                .setWidth("120px").setFlexGrow(0);
        grid.addComponentColumn(this::headlines).setHeader(getTranslation("history.metrics")).setFlexGrow(1);
        grid.addComponentColumn(r -> rowActions(r, runs, actions)).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(runs);
        grid.setHeight("420px");
        grid.setPartNameGenerator(r -> "history-row");
        add(runs.isEmpty() ? new Span(getTranslation("history.none")) : grid);

        Span hint = new Span(getTranslation("history.pick-two"));
        hint.addClassName("muted");
        Button compareSelected = new Button(getTranslation("history.compare-selected"), e -> {
            List<RunSummary> picked = new ArrayList<>(grid.getSelectedItems());
            picked.sort(Comparator.comparing(RunSummary::createdAt));
            close();
            actions.compare(picked.get(0), picked.get(1));
        });
        compareSelected.setId("compare-runs");
        compareSelected.setEnabled(false);
        grid.addSelectionListener(e -> compareSelected.setEnabled(e.getAllSelectedItems().size() == 2));
        Button closeButton = new Button(getTranslation("action.close"), e -> close());
        closeButton.addThemeVariants(ButtonVariant.TERTIARY);
        getFooter().add(hint, compareSelected, closeButton);
    }

    private String duration(Long millis) {
        if (millis == null) {
            return "—";
        }
        Duration duration = Duration.ofMillis(millis);
        NumberFormat tenths = NumberFormat.getNumberInstance(getLocale());
        tenths.setMaximumFractionDigits(1);
        return duration.toMinutes() > 0
                ? getTranslation("history.minutes", duration.toMinutes(), duration.toSecondsPart())
                : getTranslation("history.seconds", tenths.format(millis / 1000.0));
    }

    /** One line per evaluation node: its name, then its headline metrics. */
    private Component headlines(RunSummary run) {
        Map<String, List<RunSummary.Headline>> byNode = new LinkedHashMap<>();
        run.headlines().forEach(h -> byNode.computeIfAbsent(h.nodeId(), id -> new ArrayList<>()).add(h));
        Div lines = new Div();
        lines.addClassName("history-metrics");
        byNode.forEach((nodeId, metrics) -> {
            Span node = new Span(nodeName.apply(metrics.getFirst()) + ": ");
            node.addClassName("history-node");
            Div line = new Div(node);
            for (RunSummary.Headline metric : metrics) {
                Span value = new Span(metric.title().in(getLocale()) + " " + MetricFormat.format(metric.value(),
                        getLocale()));
                value.addClassName("history-metric");
                value.getElement().setAttribute("data-metric", nodeId + "." + metric.name());
                line.add(value);
            }
            lines.add(line);
        });
        return lines;
    }

    private Component rowActions(RunSummary run, List<RunSummary> runs, Actions actions) {
        RunSummary latest = runs.getFirst();
        Button open = RowAction.of(this, VaadinIcon.EYE, "history.open", "open-run", () -> actions.open(run));
        Button compare = RowAction.of(this, VaadinIcon.SPLIT, "history.compare-latest", "compare-latest",
                () -> actions.compare(run, latest));
        compare.setVisible(run != latest);
        Button reports = RowAction.of(this, VaadinIcon.BAR_CHART_H, "history.compare-reports", "compare-reports",
                () -> actions.compareReports(run));
        reports.setVisible(run.headlines().stream().map(RunSummary.Headline::nodeId).distinct().count() > 1);
        Div buttons = new Div(open, compare, reports);
        buttons.addClassName("row-actions");
        buttons.getElement().setAttribute("data-run", run.id().toString());
        // 0 for the latest run, 1 for the one before …: what a test (or a stylesheet) can point at without ids
        buttons.getElement().setAttribute("data-age", Integer.toString(runs.indexOf(run)));
        return buttons;
    }
}
