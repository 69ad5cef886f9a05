package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.easel.graph.Node;
import io.easel.graph.ValidationError;
import io.easel.run.NodeState;
import io.easel.server.run.NodeResultView;
import io.easel.server.run.NodeRunView;
import io.easel.server.run.RunLogPage;
import io.easel.studio.layout.StateBadge;
import java.util.List;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The right-hand panel for the selected node: what it is, its label and params, its problems, and after a run what
 * it produced.
 */
class NodePanel extends Div {

    /** What the panel asks of the editor. */
    interface Actions {
        void paramsChanged(String nodeId, Map<String, Object> params);

        void labelChanged(String nodeId, String label);

        /** The node's results in the run being shown; throws when they cannot be read. */
        NodeResultView result(String nodeId);

        /** Deploys the model the node exported in the run being shown. */
        void deploy(String nodeId);

        /** The whole of one of the node's table outputs in the run being shown. */
        TableDataGrid.Source table(String nodeId, String port);

        /** The workspace's uploads and the server's connections, for the params form. */
        DataChoices dataChoices();

        /** The run being shown; null before the first run. */
        UUID runId();

        /** A page of the node's lines in the log of run {@code runId}. */
        RunLogPage log(UUID runId, String nodeId, long offset);
    }

    private final Catalog catalog;
    private final Actions actions;
    private final Locale locale;

    private Node node;
    private ComponentDescriptor component;
    private ParamsForm form;
    private final Div problems = new Div();
    private final StateBadge state = new StateBadge();
    private final Span stateMessage = new Span();
    /** Whether the node reused an earlier run's outputs, or why it ran again. */
    private final Span provenance = new Span();
    /** While the node runs: its share of tasks done and how long it has run; after: how long it took. */
    private final Span timing = new Span();
    private final Div results = new Div();
    private final Div logBox = new Div();
    private TabSheet tabs;
    private Tab resultsTab;
    private Tab logTab;
    private NodeState shownState;
    private NodeRunView shownRun;
    private LogPanel log;
    private UUID logRun;

    NodePanel(Catalog catalog, Actions actions, Locale locale, Node node, ComponentDescriptor component,
            UpstreamColumns upstream, List<ValidationError> errors, NodeRunView run) {
        this.catalog = catalog;
        this.actions = actions;
        this.locale = locale;
        this.node = node;
        this.component = component;
        addClassName("node-panel");
        getElement().setAttribute("data-node-id", node.id());

        Span category = new Span(component.category().title().in(locale));
        category.addClassName("panel-eyebrow");
        H3 title = new H3(component.title().in(locale));
        title.addClassName("panel-title");
        Span id = new Span(node.id());
        id.addClassName("node-id");
        provenance.addClassName("node-provenance");
        provenance.setVisible(false);
        timing.addClassName("node-timing");
        timing.setId("node-timing");
        Div stateLine = new Div(state, timing, stateMessage, provenance);
        stateLine.addClassName("node-state-line");
        Paragraph description = new Paragraph(component.description().in(locale));
        description.addClassName("panel-description");
        Div head = new Div(category, title, id, stateLine, description);
        head.addClassName("panel-head");

        problems.addClassName("node-problems");

        TextField label = new TextField(getTranslation("node.label"));
        label.setPlaceholder(component.title().in(locale));
        label.setValue(node.label() == null ? "" : node.label());
        label.setClearButtonVisible(true);
        label.setWidthFull();
        label.setId("node-label");
        label.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                actions.labelChanged(node.id(), e.getValue().isBlank() ? null : e.getValue().strip());
            }
        });

        form = new ParamsForm(component, node, upstream, locale, actions.dataChoices(),
                params -> actions.paramsChanged(node.id(), params));
        Div settings = new Div(problems, label);
        settings.addClassName("panel-settings");
        if (component.params().isEmpty()) {
            Span none = new Span(getTranslation("node.no-params"));
            none.addClassName("muted");
            settings.add(none);
        } else {
            settings.add(form);
        }

        results.addClassName("panel-results");
        tabs = new TabSheet();
        tabs.addClassName("panel-tabs");
        Tab settingsTab = tabs.add(getTranslation("node.tab.params"), settings);
        settingsTab.getElement().setAttribute("data-tab", "params");
        resultsTab = tabs.add(getTranslation("node.tab.results"), results);
        resultsTab.getElement().setAttribute("data-tab", "results");
        logBox.addClassName("panel-log");
        logTab = tabs.add(getTranslation("node.tab.log"), logBox);
        logTab.getElement().setAttribute("data-tab", "log");
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == resultsTab) {
                loadResults();
            } else if (e.getSelectedTab() == logTab) {
                refreshLog();
            }
        });
        add(head, tabs);

        showValidation(node, upstream, errors);
        showRun(run);
        if (run != null && run.state().isFinal()) {
            tabs.setSelectedTab(resultsTab);
            loadResults();
        }
    }

    String nodeId() {
        return node.id();
    }

    /** Switches to the results tab (which says when there are none yet). */
    void showResults() {
        tabs.setSelectedTab(resultsTab);
    }

    /** New validation after an edit: marks fields and lists node-level problems, keeping the form as it is. */
    void showValidation(Node current, UpstreamColumns upstream, List<ValidationError> errors) {
        this.node = current;
        ValidationMessages messages = new ValidationMessages(this::getTranslation, locale);
        form.showValidation(errors, current, upstream, messages);
        problems.removeAll();
        // Param problems sit under their fields; the rest (inputs, cycles, unknown params) are listed here.
        List<String> general = errors.stream()
                .filter(e -> e.param() == null || component.param(e.param()).isEmpty())
                .map(e -> messages.forNode(e, component))
                .distinct()
                .toList();
        problems.setVisible(!general.isEmpty());
        for (String text : general) {
            Div line = new Div(new Span(text));
            line.addClassName("problem");
            problems.add(line);
        }
    }

    /** The node's state in the run being shown (null: not run). */
    void showRun(NodeRunView run) {
        NodeState next = run == null ? null : run.state();
        shownRun = run;
        state.show(next);
        showTiming();
        stateMessage.setText(run != null && run.message() != null && next != NodeState.FAILED
                ? run.message() : "");
        showProvenance(run);
        boolean changed = !Objects.equals(next, shownState);
        boolean finishedNow = changed && next != null && next.isFinal() && shownState != null
                && !shownState.isFinal();
        shownState = next;
        resultsTab.setEnabled(next != null);
        logTab.setEnabled(next != null);
        if (finishedNow && tabs.getSelectedTab() != resultsTab) {
            tabs.setSelectedTab(resultsTab); // the selection listener loads them
        } else if (changed && tabs.getSelectedTab() == resultsTab) {
            loadResults();
        }
    }

    /** Time passes while the node runs: its elapsed time, and its log if shown, catch up. */
    void tick() {
        showTiming();
        if (tabs.getSelectedTab() == logTab) {
            refreshLog();
        }
    }

    private void showTiming() {
        String running = RunProgressText.running(shownRun, Instant.now(), this::getTranslation);
        String text = running != null ? running : RunProgressText.took(shownRun, this::getTranslation);
        timing.setText(text == null ? "" : text);
        timing.setVisible(text != null);
    }

    /** The node's lines of the run being shown, from where the panel left off (a new run starts a new log). */
    private void refreshLog() {
        UUID runId = actions.runId();
        if (runId == null) {
            return;
        }
        if (!runId.equals(logRun)) {
            logRun = runId;
            logBox.removeAll();
            log = new LogPanel(offset -> actions.log(runId, node.id(), offset), false,
                    getTranslation("log.empty"));
            log.setId("node-log");
            logBox.add(log);
        }
        log.refresh();
    }

    /** A badge "reused from run …" (the full run id in its tooltip), or "re-ran: <reason>". */
    private void showProvenance(NodeRunView run) {
        Optional<String> text = NodeProvenance.text(run, this::getTranslation);
        text.ifPresent(badge -> {
            provenance.setText(badge);
            provenance.setTitle(NodeProvenance.tooltip(run, this::getTranslation));
            provenance.getElement().setAttribute("data-provenance", run.reusedFrom() != null ? "reused" : "rerun");
        });
        provenance.setVisible(text.isPresent());
    }

    private void loadResults() {
        results.removeAll();
        if (shownState == null || !shownState.isFinal()) {
            Span waiting = new Span(getTranslation(shownState == null ? "results.not-run" : "results.running"));
            waiting.addClassName("muted");
            results.add(waiting);
            return;
        }
        try {
            NodeResultView result = actions.result(node.id());
            boolean exportsModel = result.state() == NodeState.SUCCEEDED && component.outputs().stream()
                    .anyMatch(p -> p.type() == io.easel.component.PortType.MODEL);
            Runnable deploy = exportsModel ? () -> actions.deploy(node.id()) : null;
            results.add(new NodeResultsView(component, catalog, result, locale, deploy,
                    port -> actions.table(node.id(), port)));
        } catch (RuntimeException e) {
            Span failed = new Span(getTranslation("results.unavailable", e.getMessage()));
            failed.addClassName("muted");
            results.add(failed);
        }
    }

    /** For tests and the editor: the widget of one param. */
    Component paramField(String name) {
        return form.getChildren().filter(c -> name.equals(c.getElement().getAttribute("data-param"))).findFirst()
                .orElseThrow();
    }
}
