package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.easel.server.run.ReportComparison;
import io.easel.server.run.RunComparison;
import io.easel.server.run.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Side by side, in a wide dialog: two runs (their params, changed ones highlighted, and the same evaluation's metrics
 * and curves), or the evaluations of one run (several models on the same rows).
 */
class ComparisonDialog extends Dialog {

    /** How nodes are named, as the canvas names them: by id, or by the label and component of a compared report. */
    interface NodeNames {
        String of(String nodeId, String label, String component);
    }

    private ComparisonDialog() {
        setId("comparison-dialog");
        setWidth("min(1100px, 96vw)");
        setMaxHeight("92vh");
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("comparison-close");
        close.addThemeVariants(ButtonVariant.TERTIARY);
        getFooter().add(close);
    }

    /** Two runs: what changed between them, then the metrics and curves of an evaluation both have. */
    static ComparisonDialog ofRuns(RunComparison comparison, NodeNames names, Function<RunSummary, String> runTitle) {
        ComparisonDialog dialog = new ComparisonDialog();
        dialog.setHeaderTitle(dialog.getTranslation("compare.runs.title", runTitle.apply(comparison.first()),
                runTitle.apply(comparison.second())));
        dialog.addClassName("run-comparison");
        dialog.add(dialog.section("compare.params"), dialog.params(comparison.nodes(), names));
        dialog.add(dialog.section("compare.evaluations"));
        Map<String, List<ReportComparison.ComparedReport>> byNode = new LinkedHashMap<>();
        comparison.reports().reports().forEach(r -> byNode.computeIfAbsent(r.nodeId() + "/" + r.port(),
                key -> new ArrayList<>()).add(r));
        if (byNode.isEmpty()) {
            dialog.add(muted(dialog.getTranslation("compare.no-evaluations")));
            return dialog;
        }
        Select<String> node = new Select<>();
        node.setId("compare-node");
        node.setLabel(dialog.getTranslation("compare.evaluation"));
        node.setItems(byNode.keySet());
        node.setItemLabelGenerator(key -> {
            ReportComparison.ComparedReport any = byNode.get(key).getFirst();
            return names.of(any.nodeId(), any.label(), any.component());
        });
        Div slot = new Div();
        node.addValueChangeListener(e -> {
            slot.removeAll();
            List<ReportsSideBySide.Column> columns = byNode.get(e.getValue()).stream()
                    .map(r -> new ReportsSideBySide.Column(runTitle.apply(r.runId().equals(comparison.first().id())
                            ? comparison.first() : comparison.second()), r)).toList();
            slot.add(new ReportsSideBySide(columns, comparison.reports().metrics(), comparison.reports().curves(),
                    dialog.getLocale(), true));
        });
        node.setValue(byNode.keySet().iterator().next());
        dialog.add(node, slot);
        return dialog;
    }

    /** One run's evaluations of one kind side by side (the kind most of them are, first). */
    static ComparisonDialog ofReports(String title, ReportComparison reports, NodeNames names) {
        ComparisonDialog dialog = new ComparisonDialog();
        dialog.setHeaderTitle(title);
        dialog.addClassName("report-comparison");
        Map<String, List<ReportComparison.ComparedReport>> byKind = new LinkedHashMap<>();
        reports.reports().forEach(r -> byKind.computeIfAbsent(r.reportKind(), k -> new ArrayList<>()).add(r));
        if (byKind.isEmpty()) {
            dialog.add(muted(dialog.getTranslation("compare.no-evaluations")));
            return dialog;
        }
        List<String> kinds = byKind.keySet().stream()
                .sorted(Comparator.comparingInt((String k) -> -byKind.get(k).size())).toList();
        Div slot = new Div();
        Select<String> kind = new Select<>();
        kind.setId("compare-kind");
        kind.setLabel(dialog.getTranslation("compare.kind"));
        kind.setItems(kinds);
        // A kind is named by the component of its first report (its title says what it evaluates), in both languages.
        kind.setItemLabelGenerator(k -> {
            ReportComparison.ComparedReport first = byKind.get(k).getFirst();
            return dialog.getTranslation("compare.kind.count", names.of(first.nodeId(), null, first.component()),
                    byKind.get(k).size());
        });
        kind.addValueChangeListener(e -> {
            slot.removeAll();
            slot.add(new ReportsSideBySide(byKind.get(e.getValue()).stream()
                    .map(r -> new ReportsSideBySide.Column(names.of(r.nodeId(), r.label(), r.component()), r))
                    .toList(), reports.metrics(), reports.curves(), dialog.getLocale(), false));
        });
        kind.setValue(kinds.getFirst());
        kind.setVisible(kinds.size() > 1);
        dialog.add(kind, slot);
        return dialog;
    }

    /** The nodes in one run only or with a changed param, every param of theirs (changed ones marked). */
    private Component params(List<RunComparison.NodeParams> nodes, NodeNames names) {
        record Row(RunComparison.NodeParams node, RunComparison.ComparedParam param) {}
        List<Row> rows = new ArrayList<>();
        for (RunComparison.NodeParams node : nodes) {
            if (!node.changed()) {
                continue;
            }
            if (node.params().isEmpty() || node.presence() != RunComparison.Presence.BOTH) {
                rows.add(new Row(node, null));
            }
            if (node.presence() == RunComparison.Presence.BOTH) {
                node.params().forEach(p -> rows.add(new Row(node, p)));
            }
        }
        long unchanged = nodes.stream().filter(n -> !n.changed()).count();
        if (rows.isEmpty()) {
            return muted(getTranslation("compare.params.same", unchanged));
        }
        Grid<Row> grid = new Grid<>();
        grid.setId("compare-params");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> names.of(r.node().nodeId(), r.node().label(), r.node().component()))
                .setHeader(getTranslation("compare.node")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(r -> r.param() == null ? presence(r.node().presence()) : r.param().name())
                .setHeader(getTranslation("compare.param")).setAutoWidth(true);
        grid.addColumn(r -> r.param() == null ? "" : value(r.param().first()))
                .setHeader(getTranslation("compare.first")).setAutoWidth(true);
        grid.addColumn(r -> r.param() == null ? "" : value(r.param().second()))
                .setHeader(getTranslation("compare.second")).setAutoWidth(true);
        grid.setPartNameGenerator(r -> r.param() == null || r.param().changed() ? "param-changed" : null);
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 10);
        grid.setHeight(rows.size() <= 10 ? null : "320px");
        Span note = muted(getTranslation("compare.params.unchanged", unchanged));
        return new Div(grid, note);
    }

    private String presence(RunComparison.Presence presence) {
        return getTranslation(presence == RunComparison.Presence.FIRST_ONLY ? "compare.only-first"
                : "compare.only-second");
    }

    private String value(Object value) {
        return value == null ? getTranslation("revisions.diff.unset") : value instanceof List<?> list
                ? String.join(", ", list.stream().map(Objects::toString).toList()) : value.toString();
    }

    private H3 section(String key) {
        H3 title = new H3(getTranslation(key));
        title.addClassName("compare-section");
        return title;
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("muted");
        return span;
    }
}
