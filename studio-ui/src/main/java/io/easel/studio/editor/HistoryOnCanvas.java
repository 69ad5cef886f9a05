package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.easel.component.ComponentDescriptor;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.server.catalog.CatalogService;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.experiment.GraphDiff;
import io.easel.server.experiment.RevisionView;
import io.easel.server.experiment.SaveKind;
import io.easel.server.experiment.StaleExperimentException;
import io.easel.server.run.NodeRunView;
import io.easel.server.run.RunHistory;
import io.easel.server.run.RunService;
import io.easel.server.run.RunSummary;
import io.easel.server.run.RunView;
import io.easel.studio.canvas.ExperimentCanvas;
import io.easel.studio.layout.Toasts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the editor shows read-only on the canvas instead of the edited graph, which waits unchanged: a revision, a
 * comparison of two revisions, or a past run with its node states and results. A banner over the toolbar says what is
 * shown and leads back to editing.
 */
class HistoryOnCanvas {

    /** What showing history asks of the editor around it. */
    interface Editor {
        boolean canEdit();

        /** Loads {@code restored} as the edited experiment (a restored revision). */
        void load(ExperimentView restored);

        /** The edited graph is on the canvas again: its validation, run states and side panel come back. */
        void backToEditing();

        /** Replaces the side panel's content. */
        void showInSide(Component panel);

        /** A node as the canvas shows it in {@code graph}. */
        String nodeName(ExperimentGraph graph, String nodeId);

        /** The whole of a table a node of a run produced. */
        TableDataGrid.Source table(UUID runId, String nodeId, String port);
    }

    private final ExperimentService experiments;
    private final RunService runs;
    private final RunHistory history;
    private final CatalogService catalog;
    private final ExperimentCanvas canvas;
    private final Div banner;
    private final EditedExperiment edited;
    private final Component owner;
    private final Supplier<Locale> locale;
    private final Editor editor;

    /** A revision, comparison or past run is on the canvas, read-only. */
    private boolean showing;
    /** The past run whose graph and results are on the canvas; null when none is. */
    private RunView pastRun;
    private ExperimentGraph pastRunGraph;

    record Services(ExperimentService experiments, RunService runs, RunHistory history, CatalogService catalog) {}

    /**
     * @param banner over the toolbar while history is shown
     * @param owner the editor view, whose language the banner speaks
     */
    HistoryOnCanvas(Services services, ExperimentCanvas canvas, Div banner, EditedExperiment edited, Component owner,
            Supplier<Locale> locale, Editor editor) {
        this.experiments = services.experiments();
        this.runs = services.runs();
        this.history = services.history();
        this.catalog = services.catalog();
        this.canvas = canvas;
        this.banner = banner;
        this.edited = edited;
        this.owner = owner;
        this.locale = locale;
        this.editor = editor;
        banner.addClassName("revision-banner");
        banner.setId("revision-banner");
        banner.setVisible(false);
    }

    /** Something other than the edited graph is on the canvas: edits wait. */
    boolean showing() {
        return showing;
    }

    boolean showingPastRun() {
        return pastRun != null;
    }

    /** The edited experiment was (re)loaded: it is on the canvas now. */
    void reset() {
        showing = false;
        banner.setVisible(false);
    }

    /** A node clicked while a past run is shown: its results in that run. */
    void selectPastRunNode(String nodeId) {
        Optional<Node> node = nodeId == null ? Optional.empty() : pastRunGraph.node(nodeId);
        Optional<ComponentDescriptor> component = node.flatMap(n -> catalog.find(n.component()));
        if (node.isEmpty() || component.isEmpty()) {
            return;
        }
        UUID runId = pastRun.id();
        H3 title = new H3(editor.nodeName(pastRunGraph, nodeId));
        NodeResultsView results = new NodeResultsView(component.get(), catalog.catalog(),
                runs.nodeResult(runId, nodeId), locale.get(), null, port -> editor.table(runId, nodeId, port));
        editor.showInSide(pastRunPanel(title, results));
    }

    /**
     * A past run on the canvas, read-only: its graph as it ran, each node's state, and its results on a click.
     *
     * @param title the run as the run history names it
     */
    void showPastRun(RunSummary summary, String title) {
        RunView past = runs.get(summary.id());
        ExperimentGraph ran = history.graph(summary.id());
        Span hint = new Span(owner.getTranslation("history.viewing.hint"));
        hint.addClassName("muted");
        show(ran, Map.of(), owner.getTranslation("history.viewing", title), null,
                pastRunPanel(hint));
        pastRun = past;
        pastRunGraph = ran;
        for (NodeRunView node : past.nodes().values()) {
            canvas.setNodeState(node.nodeId(), node.state(),
                    NodeProvenance.canvasMessage(node, owner::getTranslation));
        }
    }

    private static Div pastRunPanel(Component... content) {
        Div panel = new Div(content);
        panel.addClassName("past-run-panel");
        panel.setId("past-run-panel");
        return panel;
    }

    // ---- revisions

    Button revisionsButton() {
        Button button = new Button(owner.getTranslation("editor.revisions"), VaadinIcon.TIME_BACKWARD.create(),
                e -> openRevisions());
        button.setId("revisions-button");
        return button;
    }

    private void openRevisions() {
        if (edited.dirty() && editor.canEdit() && !edited.save(SaveKind.AUTOSAVE)) {
            return;
        }
        UUID id = edited.id();
        new RevisionsDialog(edited.name(), experiments.revisions(id), editor.canEdit(),
                new RevisionsDialog.Actions() {
                    @Override
                    public void open(int number) {
                        RevisionView revision = experiments.revision(id, number);
                        show(revision.graph(), Map.of(), owner.getTranslation("revisions.viewing", number), number,
                                null);
                    }

                    @Override
                    public void restore(int number) {
                        restoreRevision(number);
                    }

                    @Override
                    public void compare(int from, int to) {
                        GraphDiff diff = experiments.diff(id, from, to);
                        ExperimentGraph shown = RevisionDiffList.union(experiments.revision(id, to).graph(), diff);
                        show(shown, RevisionDiffList.marks(diff),
                                owner.getTranslation("revisions.diff.title", from, to), null,
                                new RevisionDiffList(from, to, diff, nodeId -> editor.nodeName(shown, nodeId)));
                    }
                }).open();
    }

    private void restoreRevision(int number) {
        try {
            ExperimentView restored = experiments.restoreRevision(edited.id(), number, edited.version());
            editor.load(restored);
            Toasts.success(owner.getTranslation("revisions.restore.done", number, restored.revision()));
        } catch (StaleExperimentException e) {
            edited.resolveConflict(e);
        }
    }

    /**
     * Shows a revision (or a comparison) on the canvas instead of the edited graph, which stays as it was.
     *
     * @param restorable the revision the banner offers to restore, or null
     * @param panel what the side panel shows instead, or null to keep it
     */
    private void show(ExperimentGraph shown, Map<String, ExperimentCanvas.DiffMark> marks, String title,
            Integer restorable, Component panel) {
        showing = true;
        canvas.setGraph(shown);
        canvas.clearNodeStates();
        canvas.setValidationErrors(List.of());
        canvas.markNodes(marks);
        banner.removeAll();
        Span text = new Span(title);
        text.setId("revision-banner-title");
        Button back = new Button(owner.getTranslation("revisions.back"), e -> backToEditing());
        back.setId("revision-back");
        banner.add(text, back);
        if (restorable != null && editor.canEdit()) {
            banner.add(new Button(owner.getTranslation("revisions.restore"), e -> restoreRevision(restorable)));
        }
        banner.setVisible(true);
        if (panel != null) {
            editor.showInSide(panel);
        }
    }

    private void backToEditing() {
        showing = false;
        pastRun = null;
        pastRunGraph = null;
        banner.setVisible(false);
        canvas.markNodes(Map.of());
        canvas.setGraph(edited.graph());
        editor.backToEditing();
    }
}
