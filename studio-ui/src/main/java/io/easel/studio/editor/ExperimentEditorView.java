package io.easel.studio.editor;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.easel.component.ComponentDescriptor;
import io.easel.component.PortSpec;
import io.easel.component.TableSpec;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.ValidationError;
import io.easel.graph.ValidationResult;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunScope;
import io.easel.run.RunState;
import io.easel.server.catalog.CatalogService;
import io.easel.server.data.ConnectionService;
import io.easel.server.data.UploadService;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.DeploymentView;
import io.easel.server.deployment.ScoringService;
import io.easel.server.experiment.ExperimentEdit;
import io.easel.server.experiment.ExperimentNotFoundException;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.experiment.GraphDiff;
import io.easel.server.experiment.InvalidExperimentException;
import io.easel.server.experiment.RevisionView;
import io.easel.server.experiment.RunSettings;
import io.easel.server.experiment.SaveKind;
import io.easel.server.experiment.StaleExperimentException;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import io.easel.server.run.InvalidGraphException;
import io.easel.server.run.NodeResultView;
import io.easel.server.run.NodeRunView;
import io.easel.server.run.PortDataService;
import io.easel.server.run.PortRows;
import io.easel.server.run.PortStatisticsService;
import io.easel.server.run.PortStatisticsView;
import io.easel.server.run.Registration;
import io.easel.server.run.RowQuery;
import io.easel.server.run.RunHistory;
import io.easel.server.run.RunLogPage;
import io.easel.server.run.RunOptions;
import io.easel.server.run.RunService;
import io.easel.server.run.RunSummary;
import io.easel.server.run.RunView;
import io.easel.server.schedule.ScheduleNotFoundException;
import io.easel.server.schedule.ScheduleRequest;
import io.easel.server.schedule.ScheduleService;
import io.easel.server.schedule.ScheduleView;
import io.easel.server.security.WorkspaceService;
import io.easel.server.security.WorkspaceView;
import io.easel.studio.canvas.ExperimentCanvas;
import io.easel.studio.experiments.ExperimentFileDownload;
import io.easel.studio.experiments.ExperimentListView;
import io.easel.studio.layout.BackgroundWork;
import io.easel.studio.layout.StudioLayout;
import io.easel.studio.layout.Toasts;
import io.easel.studio.registry.DeployDialog;
import io.easel.studio.registry.ScoringExample;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.web.ErrorResponseException;

/**
 * The experiment editor: canvas with palette in the middle, the selected node's settings and results on the right,
 * Save / Run / Cancel on top. Edits are saved automatically a moment after the last one (an autosave, which the
 * server writes into one revision until an explicit save), and when leaving; a save refused because the experiment
 * changed elsewhere opens the conflict dialog instead of overwriting. Run progress arrives by server push.
 */
@Route(value = "experiments/:id", layout = StudioLayout.class)
@PermitAll
public class ExperimentEditorView extends Div
        implements BeforeEnterObserver, BeforeLeaveObserver, LocaleChangeObserver, HasDynamicTitle {

    /** Polls after a run ended, for the log lines its engine writes after reporting the end. */
    private static final int TICKS_AFTER_END = 5;

    private final CatalogService catalog;
    private final ExperimentService experiments;
    private final RunService runs;
    private final PortDataService portData;
    private final PortStatisticsService portStatistics;
    private final ModelService models;
    private final DeploymentService deployments;
    private final ScoringService scoring;
    private final WorkspaceService workspaces;
    private final UploadService uploads;
    private final ScheduleService schedules;
    private final ConnectionService connections;
    private final RunHistory history;
    private final RunComparisonFlow comparisons;
    private final BackgroundWork work;

    private final ExperimentCanvas canvas = new ExperimentCanvas();
    private final Aside side = new Aside();
    private final Div toolbarSlot = new Div();
    private final AutosaveTimer autosave = new AutosaveTimer(this::autosaveElapsed);
    /** Over the toolbar while a revision or a comparison is shown instead of the edited graph. */
    private final Div revisionBanner = new Div();
    private EditorToolbar toolbar;
    private NodePanel nodePanel;
    private ExperimentPanel experimentPanel;

    // What is being edited; the canvas shows the same graph.
    private UUID id;
    private long version;
    private String name;
    private String description;
    private Instant savedAt;
    private ExperimentGraph graph = ExperimentGraph.empty();
    private ValidationResult validation;
    private RunSettings runSettings = RunSettings.NONE;
    private RunSettingsDialog runSettingsDialog;
    private boolean dirty;
    /** A conflict dialog is open: no autosave until the user has chosen. */
    private boolean conflictOpen;
    /** A revision or comparison is on the canvas, read-only; the edited graph waits in {@link #graph}. */
    private boolean viewingRevision;
    /** The past run whose graph and results are on the canvas, read-only; null when none is. */
    private RunView pastRun;
    private ExperimentGraph pastRunGraph;
    private Button compareButton;
    private String selected;
    private RunView run;
    /** A run is being started off the UI thread: no second start until it has answered. */
    private boolean starting;
    private Registration runSubscription;
    /** While a run goes on, and a few seconds after: the UI polls so elapsed times and logs catch up. */
    private com.vaadin.flow.shared.Registration ticking;
    private int ticksAfterEnd;
    /** The experiment's workspace, with the user's role there: viewers see the editor read-only. */
    private WorkspaceView workspace;
    private java.util.Locale renderedIn;

    public ExperimentEditorView(CatalogService catalog, ExperimentService experiments, RunService runs,
            PortDataService portData, PortStatisticsService portStatistics, ModelService models, DeploymentService deployments, ScoringService scoring,
            WorkspaceService workspaces, UploadService uploads, ConnectionService connections, RunHistory history,
            ScheduleService schedules, BackgroundWork work) {
        this.schedules = schedules;
        this.work = work;
        this.portData = portData;
        this.portStatistics = portStatistics;
        this.history = history;
        this.comparisons = new RunComparisonFlow(history, catalog, this, this::getLocale, this::showPastRun);
        this.catalog = catalog;
        this.experiments = experiments;
        this.runs = runs;
        this.models = models;
        this.deployments = deployments;
        this.scoring = scoring;
        this.workspaces = workspaces;
        this.uploads = uploads;
        this.connections = connections;
        addClassName("editor");

        canvas.addClassName("editor-canvas");
        canvas.addGraphChangeListener(this::graphEdited);
        canvas.addNodeSelectionListener(node -> select(node.orElse(null)));
        canvas.addViewOutputListener(this::showOutput);
        canvas.addRunScopeListener(this::run);
        side.addClassName("editor-side");
        side.setId("side-panel");
        toolbarSlot.addClassName("toolbar-slot");
        Div body = new Div(canvas, side);
        body.addClassName("editor-body");
        revisionBanner.addClassName("revision-banner");
        revisionBanner.setId("revision-banner");
        revisionBanner.setVisible(false);
        add(revisionBanner, toolbarSlot, body, autosave);

        Shortcuts.addShortcutListener(this, this::saveClicked, Key.KEY_S, KeyModifier.CONTROL);
    }

    // ---- loading

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> requested = event.getRouteParameters().get("id").flatMap(ExperimentEditorView::uuid);
        try {
            ExperimentView loaded = experiments.get(requested.orElseThrow(() -> new ExperimentNotFoundException(null)));
            load(loaded);
        } catch (ExperimentNotFoundException e) {
            Toasts.error(getTranslation("editor.not-found"));
            event.forwardTo(ExperimentListView.class);
        }
    }

    private void load(ExperimentView loaded) {
        unsubscribe();
        workspace = workspaces.get(loaded.workspaceId().toString());
        id = loaded.id();
        version = loaded.version();
        name = loaded.name();
        description = loaded.description();
        savedAt = loaded.updatedAt();
        graph = loaded.graph();
        validation = loaded.validation();
        runSettings = loaded.runSettings() == null ? RunSettings.NONE : loaded.runSettings();
        if (runSettingsDialog != null) {
            runSettingsDialog.close(); // it shows the settings of the copy just replaced
        }
        dirty = false;
        viewingRevision = false;
        revisionBanner.setVisible(false);
        selected = null;
        canvas.setPalette(catalog.catalog(), getLocale());
        canvas.setGraph(graph);
        canvas.markNodes(Map.of());
        canvas.clearNodeStates();
        render();
        pushValidation();
        showStale();
        runs.latest(id).ifPresent(latest -> {
            showRun(latest);
            if (!latest.state().isFinal()) {
                follow(latest.id());
            }
        });
    }

    /** Builds the toolbar and side panel from the state (also after a language switch). */
    private void render() {
        renderedIn = getLocale();
        toolbar = new EditorToolbar(this::nameEdited, this::saveClicked, this::run, this::cancel,
                () -> selectFromPanel(null), this::editRunSettings);
        toolbar.setName(name);
        toolbar.showDirty(dirty);
        toolbar.showRun(run == null ? null : run.state());
        toolbar.showStarting(starting);
        toolbar.setReadOnly(!workspace.role().canEdit());
        compareButton = comparisons.compareButton(() -> run == null ? null : run.id());
        compareButton.setEnabled(run != null && run.state().isFinal());
        toolbar.addTools(revisionsButton(), scheduleButton(), comparisons.historyButton(() -> id, () -> name),
                compareButton,
                ExperimentFileDownload.button(experiments, id, getTranslation("action.export")));
        toolbarSlot.removeAll();
        toolbarSlot.add(toolbar);
        showSide();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        // Also called once after navigation, in the language the view was just built in.
        if (id == null || event.getLocale().equals(renderedIn)) {
            return;
        }
        canvas.setPalette(catalog.catalog(), event.getLocale());
        render();
        pushValidation();
    }

    // ---- editing

    private void graphEdited(ExperimentGraph edited) {
        if (viewingRevision || edited.equals(graph)) {
            return;
        }
        Map<String, Optional<PortSpec>> inputsBefore = selectedInputs();
        Optional<Node> selectedBefore = selected == null ? Optional.empty() : graph.node(selected);
        graph = edited;
        markDirty();
        revalidate();
        if (selected != null && graph.node(selected).isEmpty()) {
            select(null);
        } else if (selected != null && !inputsBefore.equals(selectedInputs())) {
            showSide(); // new upstream columns: rebuild the form's pickers
        } else if (selected != null && !sameSettings(selectedBefore, graph.node(selected))) {
            showSide(); // an undo or redo on the canvas changed the params or label the form shows
        }
    }

    private static boolean sameSettings(Optional<Node> before, Optional<Node> after) {
        return before.map(Node::params).equals(after.map(Node::params))
                && before.map(Node::label).equals(after.map(Node::label));
    }

    /** The node's results, as its context menu's "View output" asks. */
    private void showOutput(String nodeId) {
        selectFromPanel(nodeId);
        if (nodePanel != null) {
            nodePanel.showResults();
        }
    }

    private void paramsEdited(String nodeId, Map<String, Object> params) {
        replaceNode(nodeId, node -> node.withParams(params));
    }

    private void labelEdited(String nodeId, String label) {
        replaceNode(nodeId, node -> node.withLabel(label));
    }

    private void replaceNode(String nodeId, java.util.function.UnaryOperator<Node> change) {
        Optional<Node> changed = graph.node(nodeId).map(change);
        if (changed.isEmpty()) {
            return; // deleted on the canvas while its form was open
        }
        graph = graph.withNode(changed.get());
        canvas.updateNode(changed.get());
        markDirty();
        revalidate();
    }

    private void nameEdited(String value) {
        name = value;
        markDirty();
    }

    private void descriptionEdited(String value) {
        description = value;
        markDirty();
    }

    private void markDirty() {
        dirty = true;
        toolbar.showDirty(true);
        if (workspace.role().canEdit()) {
            autosave.restart();
        }
    }

    private void revalidate() {
        validation = experiments.validate(workspace.ref(), graph);
        pushValidation();
        showStale();
    }

    /** Marks the nodes the edits since their last run made out of date. */
    private void showStale() {
        Map<String, String> reasons = new LinkedHashMap<>();
        runs.staleNodes(id, graph).forEach((node, stale) -> reasons.put(node, stale.reason()));
        canvas.setStaleNodes(reasons);
    }

    private void pushValidation() {
        List<ValidationError> errors = validation == null ? List.of() : validation.errors();
        canvas.setValidationErrors(readable(errors));
        toolbar.showIssues(errors.size());
        if (nodePanel != null) {
            graph.node(nodePanel.nodeId()).ifPresent(node ->
                    nodePanel.showValidation(node, upstream(), validation.errorsOf(node.id())));
        }
        if (experimentPanel != null) {
            experimentPanel.update(name, description, graph, validation, run, savedAt);
        }
    }

    /** The errors with sentences for people in the UI's language, as the canvas shows them on the nodes. */
    private List<ValidationError> readable(List<ValidationError> errors) {
        ValidationMessages messages = new ValidationMessages(this::getTranslation, getLocale());
        return errors.stream().map(e -> new ValidationError(e.nodeId(), e.param(), e.port(), e.code(),
                        messages.sentence(e, Optional.ofNullable(e.nodeId()).flatMap(graph::node)
                                .flatMap(n -> catalog.find(n.component())).orElse(null))))
                .toList();
    }

    private UpstreamColumns upstream() {
        return new UpstreamColumns(graph, validation == null ? new ValidationResult(List.of(), Map.of()) : validation);
    }

    /** What arrives at each input of the selected node; when it changes, the node's column pickers must too. */
    private Map<String, Optional<PortSpec>> selectedInputs() {
        Map<String, Optional<PortSpec>> inputs = new LinkedHashMap<>();
        if (selected == null) {
            return inputs;
        }
        graph.node(selected).flatMap(n -> catalog.find(n.component())).ifPresent(component ->
                component.inputs().forEach(p -> inputs.put(p.name(), upstream().input(selected, p.name()))));
        return inputs;
    }

    // ---- side panel

    private void select(String nodeId) {
        if (pastRun != null) {
            showPastRunNode(nodeId);
            return;
        }
        String next = nodeId != null && graph.node(nodeId).isPresent() ? nodeId : null;
        if (Objects.equals(next, selected) && (next == null ? experimentPanel != null : nodePanel != null)) {
            return;
        }
        selected = next;
        showSide();
    }

    private void selectFromPanel(String nodeId) {
        canvas.selectNode(nodeId);
        select(nodeId);
    }

    private void showSide() {
        side.removeAll();
        nodePanel = null;
        experimentPanel = null;
        Optional<Node> node = selected == null ? Optional.empty() : graph.node(selected);
        Optional<ComponentDescriptor> component = node.flatMap(n -> catalog.find(n.component()));
        if (node.isPresent() && component.isPresent()) {
            NodeRunView nodeRun = run == null ? null : run.nodes().get(node.get().id());
            nodePanel = new NodePanel(catalog.catalog(), panelActions(), getLocale(), node.get(), component.get(),
                    upstream(), validation == null ? List.of() : validation.errorsOf(node.get().id()), nodeRun);
            side.add(nodePanel);
        } else {
            experimentPanel = new ExperimentPanel(catalog.catalog(), getLocale(), this::descriptionEdited,
                    this::selectFromPanel);
            experimentPanel.update(name, description, graph, validation, run, savedAt);
            if (run != null) {
                experimentPanel.refreshLog(run.id(), runLog(run.id()));
            }
            side.add(experimentPanel);
        }
    }

    private NodePanel.Actions panelActions() {
        return new NodePanel.Actions() {
            @Override
            public void paramsChanged(String nodeId, Map<String, Object> params) {
                paramsEdited(nodeId, params);
            }

            @Override
            public void labelChanged(String nodeId, String label) {
                labelEdited(nodeId, label);
            }

            @Override
            public NodeResultView result(String nodeId) {
                return runs.nodeResult(run.id(), nodeId);
            }

            @Override
            public void deploy(String nodeId) {
                deployModel(nodeId);
            }

            @Override
            public TableDataGrid.Source table(String nodeId, String port) {
                return tableOf(run.id(), nodeId, port);
            }

            @Override
            public UUID runId() {
                return run == null ? null : run.id();
            }

            @Override
            public RunLogPage log(UUID runId, String nodeId, long offset) {
                return runs.log(runId, nodeId, offset);
            }

            @Override
            public DataChoices dataChoices() {
                return new DataChoices(uploads, workspace.ref(), workspace.role().canEdit(),
                        connections.names(workspace.ref()));
            }
        };
    }

    /** The whole of a table a node of a run produced, page by page, and as a download. */
    private TableDataGrid.Source tableOf(UUID runId, String nodeId, String port) {
        return new TableDataGrid.Source() {
            @Override
            public PortRows rows(RowQuery query) {
                return portData.rows(runId, nodeId, port, query);
            }

            @Override
            public PortDataService.Download download(PortDataService.Format format) {
                return portData.download(runId, nodeId, port, format);
            }

            @Override
            public PortStatisticsView statistics() {
                return portStatistics.statistics(runId, nodeId, port);
            }
        };
    }

    // ---- saving

    /** Saves the current edits; false when they could not be saved (the edits stay in the editor). */
    private boolean save() {
        return save(SaveKind.SAVE);
    }

    private boolean save(SaveKind kind) {
        try {
            ExperimentView saved = experiments.save(id, version, ExperimentEdit.of(name, description, graph, kind));
            version = saved.version();
            savedAt = saved.updatedAt();
            name = saved.name();
            dirty = false;
            toolbar.showNameProblem(null);
            toolbar.showDirty(false);
            if (experimentPanel != null) {
                experimentPanel.update(name, description, graph, validation, run, savedAt);
            }
            return true;
        } catch (StaleExperimentException e) {
            resolveConflict(e);
        } catch (InvalidExperimentException e) {
            toolbar.showNameProblem(e.getMessage());
            Toasts.error(getTranslation("editor.save.invalid", e.getMessage()));
        } catch (ExperimentNotFoundException e) {
            Toasts.error(getTranslation("editor.deleted"));
        }
        return false;
    }

    private void saveClicked() {
        if (save()) {
            Toasts.success(getTranslation("editor.save.done"));
        }
    }

    private void autosaveElapsed() {
        if (dirty && !conflictOpen && !viewingRevision && workspace.role().canEdit() && save(SaveKind.AUTOSAVE)) {
            toolbar.showAutosaved();
        }
    }

    /** The experiment was saved elsewhere since this editor read it: the user chooses, nothing is overwritten. */
    private void resolveConflict(StaleExperimentException e) {
        if (conflictOpen) {
            return;
        }
        conflictOpen = true;
        ConflictDialog dialog = new ConflictDialog(e, new ConflictDialog.Choices() {
            @Override
            public void reloadTheirs() {
                load(experiments.get(id));
            }

            @Override
            public void keepMineAsCopy() {
                ExperimentView copy = experiments.create(workspace.ref(), new ExperimentEdit(
                        getTranslation("editor.stale.copy-name", name), description, null, graph, runSettings,
                        SaveKind.SAVE));
                dirty = false;
                Toasts.success(getTranslation("editor.stale.copied", copy.name()));
                getUI().ifPresent(ui -> ui.navigate(ExperimentEditorView.class,
                        new RouteParameters("id", copy.id().toString())));
            }

            @Override
            public void overwrite() {
                version = e.currentVersion();
                saveClicked();
            }
        });
        dialog.addOpenedChangeListener(event -> conflictOpen = event.isOpened());
        dialog.open();
    }

    // ---- schedule

    private Button scheduleButton() {
        Button button = new Button(getTranslation("editor.schedule"), VaadinIcon.CLOCK.create(),
                e -> openSchedule());
        button.setId("schedule-button");
        return button;
    }

    private void openSchedule() {
        Optional<ScheduleView> current;
        try {
            current = Optional.of(schedules.get(id));
        } catch (ScheduleNotFoundException none) {
            current = Optional.empty();
        }
        List<String> deploymentNames = deployments.list(workspace.ref()).stream().map(DeploymentView::name)
                .toList();
        new ScheduleDialog(current, deploymentNames, workspace.role().canEdit(), new ScheduleDialog.Actions() {
            @Override
            public ScheduleView save(ScheduleRequest request) {
                return schedules.put(id, request);
            }

            @Override
            public void remove() {
                schedules.delete(id);
                Toasts.success(getTranslation("schedule.removed"));
            }
        }).open();
    }

    // ---- revisions

    private Button revisionsButton() {
        Button button = new Button(
                getTranslation("editor.revisions"), VaadinIcon.TIME_BACKWARD.create(),
                e -> openRevisions());
        button.setId("revisions-button");
        return button;
    }

    private void openRevisions() {
        if (dirty && workspace.role().canEdit() && !save(SaveKind.AUTOSAVE)) {
            return;
        }
        new RevisionsDialog(name, experiments.revisions(id), workspace.role().canEdit(),
                new RevisionsDialog.Actions() {
                    @Override
                    public void open(int number) {
                        RevisionView revision = experiments.revision(id, number);
                        showRevision(revision.graph(), Map.of(), getTranslation("revisions.viewing", number),
                                number, null);
                    }

                    @Override
                    public void restore(int number) {
                        restoreRevision(number);
                    }

                    @Override
                    public void compare(int from, int to) {
                        GraphDiff diff = experiments.diff(id, from, to);
                        ExperimentGraph shown = RevisionDiffList.union(experiments.revision(id, to).graph(), diff);
                        showRevision(shown, RevisionDiffList.marks(diff),
                                getTranslation("revisions.diff.title", from, to), null,
                                new RevisionDiffList(from, to, diff, nodeId -> nodeName(shown, nodeId)));
                    }
                }).open();
    }

    private void restoreRevision(int number) {
        try {
            ExperimentView restored = experiments.restoreRevision(id, number, version);
            load(restored);
            Toasts.success(getTranslation("revisions.restore.done", number, restored.revision()));
        } catch (StaleExperimentException e) {
            resolveConflict(e);
        }
    }

    /**
     * Shows a revision (or a comparison) on the canvas instead of the edited graph, which stays as it was.
     *
     * @param restorable the revision the banner offers to restore, or null
     * @param panel what the side panel shows instead, or null to keep it
     */
    private void showRevision(ExperimentGraph shown, Map<String, ExperimentCanvas.DiffMark> marks, String title,
            Integer restorable, Component panel) {
        viewingRevision = true;
        canvas.setGraph(shown);
        canvas.clearNodeStates();
        canvas.setValidationErrors(List.of());
        canvas.markNodes(marks);
        revisionBanner.removeAll();
        Span text = new Span(title);
        text.setId("revision-banner-title");
        Button back = new Button(
                getTranslation("revisions.back"), e -> backToEditing());
        back.setId("revision-back");
        revisionBanner.add(text, back);
        if (restorable != null && workspace.role().canEdit()) {
            revisionBanner.add(new Button(getTranslation("revisions.restore"),
                    e -> restoreRevision(restorable)));
        }
        revisionBanner.setVisible(true);
        if (panel != null) {
            side.removeAll();
            side.add(panel);
        }
    }

    private void backToEditing() {
        viewingRevision = false;
        pastRun = null;
        pastRunGraph = null;
        revisionBanner.setVisible(false);
        canvas.markNodes(Map.of());
        canvas.setGraph(graph);
        pushValidation();
        if (run != null) {
            showRun(run);
        }
        showSide();
    }

    /**
     * Shows the conflict of a save that came too late and what the engineer can do about it.
     *
     * @param overwrite saves the same change again over the current version
     */
    private void offerReload(StaleExperimentException e, Runnable overwrite) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("stale-dialog");
        dialog.setHeader(getTranslation("editor.stale.title"));
        dialog.setText(getTranslation("editor.stale.text", e.expectedVersion(), e.currentVersion()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("editor.stale.keep"));
        dialog.setRejectable(true);
        dialog.setRejectText(getTranslation("editor.stale.overwrite"));
        dialog.addRejectListener(event -> overwrite.run());
        dialog.setConfirmText(getTranslation("editor.stale.reload"));
        dialog.addConfirmListener(event -> load(experiments.get(id)));
        dialog.open();
    }

    // ---- run history and comparisons

    /** A past run on the canvas, read-only: its graph as it ran, each node's state, and its results on a click. */
    private void showPastRun(RunSummary summary) {
        RunView past = runs.get(summary.id());
        ExperimentGraph ran = history.graph(summary.id());
        Span hint = new Span(getTranslation("history.viewing.hint"));
        hint.addClassName("muted");
        Div panel = new Div(hint);
        panel.addClassName("past-run-panel");
        panel.setId("past-run-panel");
        showRevision(ran, Map.of(), getTranslation("history.viewing", comparisons.runTitle(summary)), null, panel);
        pastRun = past;
        pastRunGraph = ran;
        for (NodeRunView node : past.nodes().values()) {
            canvas.setNodeState(node.nodeId(), node.state(), NodeProvenance.canvasMessage(node, this::getTranslation));
        }
    }

    private void showPastRunNode(String nodeId) {
        Optional<Node> node = nodeId == null ? Optional.empty() : pastRunGraph.node(nodeId);
        Optional<ComponentDescriptor> component = node.flatMap(n -> catalog.find(n.component()));
        if (node.isEmpty() || component.isEmpty()) {
            return;
        }
        UUID runId = pastRun.id();
        H3 title = new H3(nodeName(pastRunGraph, nodeId));
        NodeResultsView results = new NodeResultsView(component.get(), catalog.catalog(),
                runs.nodeResult(runId, nodeId), getLocale(), null, port -> tableOf(runId, nodeId, port));
        Div panel = new Div(title, results);
        panel.addClassName("past-run-panel");
        panel.setId("past-run-panel");
        side.removeAll();
        side.add(panel);
    }

    // ---- run settings

    private void editRunSettings() {
        runSettingsDialog = new RunSettingsDialog(runSettings, settings -> saveRunSettings(settings, version));
        runSettingsDialog.addOpenedChangeListener(e -> {
            if (!e.isOpened() && runSettingsDialog == e.getSource()) {
                runSettingsDialog = null;
            }
        });
        runSettingsDialog.open();
    }

    /**
     * Stores run settings alone: edits to the graph, name or description stay in the editor, unsaved.
     *
     * @param basedOn the version the settings are saved over
     */
    private void saveRunSettings(RunSettings settings, long basedOn) {
        try {
            ExperimentView saved = experiments.save(id, basedOn, null, null, null, settings);
            runSettings = saved.runSettings();
            if (basedOn == version) {
                // Otherwise the editor's graph is still behind the other person's save: its next save must say so.
                version = saved.version();
            }
            savedAt = saved.updatedAt();
            if (runSettingsDialog != null) {
                runSettingsDialog.close();
            }
            Toasts.success(getTranslation("run-settings.saved"));
            if (experimentPanel != null) {
                experimentPanel.update(name, description, graph, validation, run, savedAt);
            }
        } catch (StaleExperimentException e) {
            offerReload(e, () -> saveRunSettings(settings, e.currentVersion()));
        } catch (InvalidExperimentException e) {
            Object field = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("field");
            if (runSettingsDialog == null || !runSettingsDialog.showServerProblem(String.valueOf(field),
                    e.getMessage())) {
                Toasts.error(getTranslation("editor.save.invalid", e.getMessage()));
            }
        } catch (ExperimentNotFoundException e) {
            Toasts.error(getTranslation("editor.deleted"));
        }
    }

    // ---- running

    private void run() {
        run(RunScope.ALL);
    }

    /**
     * Saves the experiment and runs the part of it {@code scope} says (the canvas's node menu), or all of it. The
     * start (which spawns or feeds an engine) happens off the UI thread; Run reads "Starting…" until it answers.
     */
    private void run(RunScope scope) {
        if (starting || run != null && !run.state().isFinal() || !workspace.role().canEdit()) {
            return;
        }
        if (!save()) {
            return;
        }
        showStarting(true);
        UUID experiment = id;
        work.start(UI.getCurrent(), () -> runs.start(experiment, RunOptions.of(scope)), started -> {
            showStarting(false);
            if (!experiment.equals(id)) {
                return; // another experiment was loaded meanwhile; this one's editor shows the run when reopened
            }
            canvas.clearNodeStates();
            run = null;
            showRun(started);
            follow(started.id());
        }, refused -> {
            showStarting(false);
            runRefused(refused);
        });
    }

    private void showStarting(boolean value) {
        starting = value;
        toolbar.showStarting(value);
    }

    private void runRefused(RuntimeException refused) {
        if (refused instanceof InvalidGraphException invalid) {
            canvas.setValidationErrors(readable(invalid.errors()));
            toolbar.showIssues(invalid.errors().size());
            Toasts.error(getTranslation("editor.run.invalid", invalid.errors().size()));
            invalid.errors().stream().map(ValidationError::nodeId).filter(Objects::nonNull).findFirst()
                    .ifPresent(this::selectFromPanel);
        } else {
            Toasts.error(getTranslation("editor.run.not-started", problem(refused)));
        }
    }

    /** Why background work failed, in words for people: the service's own, or that the studio is too busy. */
    private String problem(RuntimeException failure) {
        return switch (failure) {
            case RejectedExecutionException busy -> getTranslation("work.busy");
            case ErrorResponseException answered when answered.getBody().getDetail() != null ->
                    answered.getBody().getDetail();
            default -> throw failure;
        };
    }

    private void cancel() {
        if (run == null || run.state().isFinal()) {
            return;
        }
        toolbar.showCancelling();
        UUID runId = run.id();
        work.start(UI.getCurrent(), () -> runs.cancel(runId), cancelled -> {
            if (run != null && run.id().equals(cancelled.id())) {
                showRun(cancelled);
            }
        }, refused -> {
            toolbar.showRun(run == null ? null : run.state());
            Toasts.error(getTranslation("editor.cancel.failed", problem(refused)));
        });
    }

    /** Follows a run by push: every change the server reports is applied in this UI's session lock. */
    private void follow(UUID runId) {
        unsubscribe();
        UI ui = UI.getCurrent();
        Registration[] holder = new Registration[1];
        holder[0] = runs.subscribe(runId, update -> {
            try {
                ui.access(() -> {
                    if (run != null && run.id().equals(update.id())) {
                        showRun(update);
                    }
                });
            } catch (UIDetachedException closed) {
                if (holder[0] != null) {
                    holder[0].remove();
                }
            }
        });
        runSubscription = holder[0];
        // Changes before the subscription existed would otherwise be missed.
        showRun(runs.get(runId));
    }

    private void unsubscribe() {
        if (runSubscription != null) {
            runSubscription.remove();
            runSubscription = null;
        }
    }

    private void showRun(RunView update) {
        RunState before = run == null || !run.id().equals(update.id()) ? null : run.state();
        run = update;
        toolbar.showRun(update.state());
        compareButton.setEnabled(update.state().isFinal());
        for (NodeRunView node : update.nodes().values()) {
            // While a past run is on the canvas, its states stay there; the current run's come back after.
            if (pastRun == null && graph.node(node.nodeId()).isPresent()) {
                canvas.setNodeState(node.nodeId(), node.state(), node.state() == NodeState.FAILED
                        ? RunProgressText.plainCause(node.message(), getLocale())
                        : NodeProvenance.canvasMessage(node, this::getTranslation));
            }
        }
        showProgress(update);
        if (nodePanel != null) {
            nodePanel.showRun(update.nodes().get(nodePanel.nodeId()));
        }
        if (experimentPanel != null) {
            experimentPanel.update(name, description, graph, validation, run, savedAt);
        }
        // Logs follow by polling, not by push: a push comes on the engine's callback thread, where nobody is signed
        // in to read them.
        startTicking(update);
        if (update.state().isFinal()) {
            showStale();
            unsubscribe();
            if (before != null && !before.isFinal()) {
                announce(update);
            }
        }
    }

    /** The toolbar's overall bar, and each running node's bar and "42 % · 12 s" on the canvas. */
    private void showProgress(RunView shown) {
        toolbar.showProgress(shown);
        Instant now = Instant.now();
        for (NodeRunView node : shown.nodes().values()) {
            if (graph.node(node.nodeId()).isPresent()) {
                boolean counted = node.progress() != null && node.progress().tasksTotal() > 0;
                canvas.setNodeProgress(node.nodeId(), counted ? node.progress().fraction() : null,
                        RunProgressText.running(node, now, this::getTranslation));
            }
        }
    }

    private LogPanel.Source runLog(UUID runId) {
        return offset -> runs.log(runId, null, offset);
    }

    /**
     * Polls once a second while {@code shown} goes on, and a few times after it ended: the engine writes its last
     * log lines after it reports the end.
     */
    private void startTicking(RunView shown) {
        if (!shown.state().isFinal()) {
            ticksAfterEnd = TICKS_AFTER_END;
        }
        if (ticking != null || (shown.state().isFinal() && ticksAfterEnd <= 0)) {
            return;
        }
        getUI().ifPresent(ui -> {
            ticking = ui.addPollListener(e -> tick());
            ui.setPollInterval(1000);
        });
    }

    private void tick() {
        if (run == null || (run.state().isFinal() && --ticksAfterEnd <= 0)) {
            stopTicking();
        }
        if (run == null) {
            return;
        }
        showProgress(run);
        if (nodePanel != null) {
            nodePanel.tick();
        }
        if (experimentPanel != null) {
            experimentPanel.refreshLog(run.id(), runLog(run.id()));
        }
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.remove();
            ticking = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    private void announce(RunView finished) {
        switch (finished.state()) {
            case SUCCEEDED -> Toasts.success(getTranslation("editor.run.succeeded"));
            case CANCELLED -> Toasts.info(getTranslation("editor.run.cancelled"));
            default -> offerWiderScope(finished, Toasts.error(getTranslation("editor.run.failed",
                    finished.message() == null ? "" : finished.message())));
        }
    }

    /**
     * A run of one node or from a node that failed because a node feeding it has no stored outputs: the toast offers
     * the run that computes them too (run to here on the same node, or run all).
     */
    private void offerWiderScope(RunView failed, Notification toast) {
        RunScope scope = failed.options().scope();
        boolean inputMissing = failed.nodes().values().stream()
                .anyMatch(node -> node.state() == NodeState.NOT_IN_RUN && node.message() != null);
        if (scope.whole() || !inputMissing || !workspace.role().canEdit()) {
            return;
        }
        RunScope wider = scope.kind() == RunScope.Kind.ONLY ? new RunScope(RunScope.Kind.TO, scope.node())
                : RunScope.ALL;
        Button offer = new Button(getTranslation(wider.whole() ? "editor.run.offer.all" : "editor.run.offer.to"),
                event -> {
                    toast.close();
                    run(wider);
                });
        offer.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
        offer.getElement().setAttribute("data-action", "run-wider");
        toast.add(offer);
    }

    // ---- deploying

    private void deployModel(String nodeId) {
        if (run == null) {
            return;
        }
        Optional<ModelVersionView> model = models.producedBy(run.id(), nodeId);
        if (model.isEmpty()) {
            Toasts.error(getTranslation("deploy.no-model"));
            return;
        }
        ModelVersionView version = model.get();
        new DeployDialog(new DeployDialog.Services(deployments, scoring, work), workspace.ref(),
                new DeployDialog.Choice(models.get(version.modelId()), version.version(), v -> sampleRows(nodeId),
                        this::nodeName),
                deployed -> { }).open();
    }

    /** A node as the canvas shows it: its label, else its component's title, else (a node since removed) its id. */
    private String nodeName(String nodeId) {
        return nodeName(graph, nodeId);
    }

    private String nodeName(ExperimentGraph in, String nodeId) {
        return in.node(nodeId)
                .map(n -> n.label() != null && !n.label().isBlank() ? n.label()
                        : catalog.find(n.component()).map(c -> c.title().in(getLocale())).orElse(nodeId))
                .orElse(nodeId);
    }

    /** First rows of the tables upstream of a node in the run shown, nearest first. */
    private List<ScoringExample.SampleRow> sampleRows(String nodeId) {
        List<ScoringExample.SampleRow> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        graph.edgesInto(nodeId).forEach(e -> queue.add(e.from().node()));
        while (!queue.isEmpty()) {
            String upstream = queue.poll();
            if (!seen.add(upstream)) {
                continue;
            }
            try {
                NodeResultView result = runs.nodeResult(run.id(), upstream);
                for (PortResult output : result.outputs().values()) {
                    if (output.spec() instanceof TableSpec table && output.sampleRows() != null
                            && !output.sampleRows().isEmpty()) {
                        rows.add(new ScoringExample.SampleRow(table, output.sampleRows().get(0)));
                    }
                }
            } catch (RuntimeException e) {
                // A node without results (not run, or results gone) just offers no sample.
            }
            graph.edgesInto(upstream).stream().map(Edge::from).map(p -> p.node()).forEach(queue::add);
        }
        return rows;
    }

    // ---- leaving

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!dirty || workspace.role().canEdit() && !conflictOpen && save(SaveKind.AUTOSAVE)) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("editor.leave.title"));
        dialog.setText(getTranslation("editor.leave.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("editor.leave.stay"));
        dialog.setRejectable(true);
        dialog.setRejectText(getTranslation("editor.leave.discard"));
        dialog.addRejectListener(e -> {
            dirty = false;
            action.proceed();
        });
        dialog.setConfirmText(getTranslation("editor.leave.save"));
        dialog.addConfirmListener(e -> {
            if (save()) {
                action.proceed();
            }
        });
        dialog.open();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unsubscribe();
        stopTicking();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (run != null && !run.state().isFinal() && runSubscription == null) {
            follow(run.id());
        }
    }

    @Override
    public String getPageTitle() {
        return (name == null ? "" : name + " · ") + "Easel";
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
