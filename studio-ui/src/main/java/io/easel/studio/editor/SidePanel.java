package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Aside;
import io.easel.component.ComponentDescriptor;
import io.easel.component.PortSpec;
import io.easel.graph.Node;
import io.easel.graph.ValidationResult;
import io.easel.server.catalog.CatalogService;
import io.easel.server.run.NodeRunView;
import io.easel.server.run.RunView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The editor's right-hand side and the selection it follows: with a node selected, the node's panel (settings,
 * results, log); with none, the experiment's (description, size, latest run, issues). After an edit it rebuilds the
 * node's form when what the form shows changed under it (new upstream columns, an undo on the canvas).
 */
class SidePanel extends Aside {

    /** What the side panel asks of the editor around it. */
    interface Editor {
        NodePanel.Actions nodeActions();

        void descriptionEdited(String value);

        /** Selects the node on the canvas too (null: none), as a click in a panel asks. */
        void selectOnCanvas(String nodeId);

        /** A past run is on the canvas: a click on a node shows the node's results in that run instead. */
        boolean showingPastRun();

        void selectPastRunNode(String nodeId);
    }

    /** What the selected node's form was built from, to tell after an edit whether it must be rebuilt. */
    record Shown(Map<String, Optional<PortSpec>> inputs, Optional<Node> node) {}

    private final CatalogService catalog;
    private final EditedExperiment edited;
    private final RunControl runControl;
    private final Supplier<Locale> locale;
    private final Editor editor;

    private NodePanel nodePanel;
    private ExperimentPanel experimentPanel;
    private String selected;

    SidePanel(CatalogService catalog, EditedExperiment edited, RunControl runControl, Supplier<Locale> locale,
            Editor editor) {
        this.catalog = catalog;
        this.edited = edited;
        this.runControl = runControl;
        this.locale = locale;
        this.editor = editor;
        addClassName("editor-side");
        setId("side-panel");
    }

    /** A freshly loaded experiment: nothing selected. */
    void reset() {
        selected = null;
    }

    /** A node selected on the canvas (null: none). */
    void select(String nodeId) {
        if (editor.showingPastRun()) {
            editor.selectPastRunNode(nodeId);
            return;
        }
        String next = nodeId != null && edited.graph().node(nodeId).isPresent() ? nodeId : null;
        if (Objects.equals(next, selected) && (next == null ? experimentPanel != null : nodePanel != null)) {
            return;
        }
        selected = next;
        show();
    }

    /** A node chosen in a panel (an issue, the node of a failed run): selected on the canvas too. */
    void selectFromPanel(String nodeId) {
        editor.selectOnCanvas(nodeId);
        select(nodeId);
    }

    /** The node's results, as its context menu's "View output" asks. */
    void showResults(String nodeId) {
        selectFromPanel(nodeId);
        if (nodePanel != null) {
            nodePanel.showResults();
        }
    }

    /** Builds the panel of the selection from scratch (also after a language switch). */
    void show() {
        removeAll();
        nodePanel = null;
        experimentPanel = null;
        Optional<Node> node = selected == null ? Optional.empty() : edited.graph().node(selected);
        Optional<ComponentDescriptor> component = node.flatMap(n -> catalog.find(n.component()));
        RunView run = runControl.run();
        if (node.isPresent() && component.isPresent()) {
            NodeRunView nodeRun = run == null ? null : run.nodes().get(node.get().id());
            nodePanel = new NodePanel(catalog.catalog(), editor.nodeActions(), locale.get(), node.get(),
                    component.get(), upstream(), errorsOf(node.get()), nodeRun);
            add(nodePanel);
        } else {
            experimentPanel = new ExperimentPanel(catalog.catalog(), locale.get(), editor::descriptionEdited,
                    this::selectFromPanel);
            update();
            if (run != null) {
                experimentPanel.refreshLog(run.id(), runControl.log(run.id()));
            }
            add(experimentPanel);
        }
    }

    /** Shows {@code panel} instead of the selection's (a revision diff, a past run). */
    void showInstead(Component panel) {
        removeAll();
        add(panel);
    }

    /** The experiment panel catches up with the experiment's name, validation, run and saved time. */
    void update() {
        if (experimentPanel != null) {
            experimentPanel.update(edited.name(), edited.description(), edited.graph(), edited.validation(),
                    runControl.run(), edited.savedAt());
        }
    }

    /** The edited graph was validated again. */
    void showValidation() {
        if (nodePanel != null) {
            edited.graph().node(nodePanel.nodeId()).ifPresent(node ->
                    nodePanel.showValidation(node, upstream(), edited.validation().errorsOf(node.id())));
        }
        update();
    }

    void showRun(RunView run) {
        if (nodePanel != null) {
            nodePanel.showRun(run.nodes().get(nodePanel.nodeId()));
        }
        update();
    }

    /** A poll while a run goes on: elapsed times and logs catch up. */
    void ticked(RunView run) {
        if (nodePanel != null) {
            nodePanel.tick();
        }
        if (experimentPanel != null) {
            experimentPanel.refreshLog(run.id(), runControl.log(run.id()));
        }
    }

    /** What the selected node's form shows now; call before an edit, then {@link #edited(Shown)} after it. */
    Shown shown() {
        return new Shown(selectedInputs(), selected == null ? Optional.empty() : edited.graph().node(selected));
    }

    /** After an edit on the canvas: the selection follows, and the form is rebuilt if what it shows changed. */
    void edited(Shown before) {
        if (selected == null) {
            return;
        }
        Optional<Node> now = edited.graph().node(selected);
        if (now.isEmpty()) {
            select(null);
        } else if (!before.inputs().equals(selectedInputs())) {
            show(); // new upstream columns: rebuild the form's pickers
        } else if (!sameSettings(before.node(), now)) {
            show(); // an undo or redo on the canvas changed the params or label the form shows
        }
    }

    private static boolean sameSettings(Optional<Node> before, Optional<Node> after) {
        return before.map(Node::params).equals(after.map(Node::params))
                && before.map(Node::label).equals(after.map(Node::label));
    }

    private List<io.easel.graph.ValidationError> errorsOf(Node node) {
        ValidationResult validation = edited.validation();
        return validation == null ? List.of() : validation.errorsOf(node.id());
    }

    private UpstreamColumns upstream() {
        ValidationResult validation = edited.validation();
        return new UpstreamColumns(edited.graph(),
                validation == null ? new ValidationResult(List.of(), Map.of()) : validation);
    }

    /** What arrives at each input of the selected node; when it changes, the node's column pickers must too. */
    private Map<String, Optional<PortSpec>> selectedInputs() {
        Map<String, Optional<PortSpec>> inputs = new LinkedHashMap<>();
        if (selected == null) {
            return inputs;
        }
        edited.graph().node(selected).flatMap(n -> catalog.find(n.component())).ifPresent(component ->
                component.inputs().forEach(p -> inputs.put(p.name(), upstream().input(selected, p.name()))));
        return inputs;
    }
}
