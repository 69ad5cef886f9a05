package io.easel.studio.editor;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.ValidationError;
import io.easel.graph.ValidationResult;
import io.easel.run.RunScope;
import io.easel.server.catalog.CatalogService;
import io.easel.server.data.ConnectionService;
import io.easel.server.data.UploadService;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.ScoringService;
import io.easel.server.experiment.ExperimentNotFoundException;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.experiment.SaveKind;
import io.easel.server.model.ModelService;
import io.easel.server.run.NodeResultView;
import io.easel.server.run.PortDataService;
import io.easel.server.run.PortRows;
import io.easel.server.run.PortStatisticsService;
import io.easel.server.run.PortStatisticsView;
import io.easel.server.run.RowQuery;
import io.easel.server.run.RunHistory;
import io.easel.server.run.RunLogPage;
import io.easel.server.run.RunService;
import io.easel.server.run.RunSummary;
import io.easel.server.run.RunView;
import io.easel.server.schedule.ScheduleService;
import io.easel.server.security.WorkspaceService;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.security.WorkspaceView;
import io.easel.studio.canvas.ExperimentCanvas;
import io.easel.studio.experiments.ExperimentFileDownload;
import io.easel.studio.experiments.ExperimentListView;
import io.easel.studio.layout.BackgroundWork;
import io.easel.studio.layout.StudioLayout;
import io.easel.studio.layout.Toasts;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The experiment editor: canvas with palette in the middle, the selected node's settings and results on the right,
 * Save / Run / Cancel on top. Edits are saved automatically a moment after the last one (an autosave, which the
 * server writes into one revision until an explicit save), and when leaving. The view composes the parts that have
 * their own homes: the edited experiment and its saving ({@link EditedExperiment}), run control ({@link RunControl}),
 * the deploy flow ({@link DeployFlow}) and history shown on the canvas ({@link HistoryOnCanvas}).
 */
@Route(value = "experiments/:id", layout = StudioLayout.class)
@PermitAll
public class ExperimentEditorView extends Div
        implements BeforeEnterObserver, BeforeLeaveObserver, LocaleChangeObserver, HasDynamicTitle {

    private final CatalogService catalog;
    private final ExperimentService experiments;
    private final RunService runs;
    private final PortDataService portData;
    private final PortStatisticsService portStatistics;
    private final WorkspaceService workspaces;
    private final UploadService uploads;
    private final ConnectionService connections;
    private final RunComparisonFlow comparisons;
    private final EditedExperiment edited;
    private final RunControl runControl;
    private final DeployFlow deployFlow;
    private final HistoryOnCanvas historyOnCanvas;
    private final ScheduleFlow scheduleFlow;
    private final SidePanel side;

    private final ExperimentCanvas canvas = new ExperimentCanvas();
    private final Div toolbarSlot = new Div();
    private final AutosaveTimer autosave = new AutosaveTimer(this::autosaveElapsed);
    /** Over the toolbar while a revision or a comparison is shown instead of the edited graph. */
    private final Div revisionBanner = new Div();
    private EditorToolbar toolbar;
    private Button compareButton;
    /** The experiment's workspace, with the user's role there: viewers see the editor read-only. */
    private WorkspaceView workspace;
    private java.util.Locale renderedIn;

    public ExperimentEditorView(CatalogService catalog, ExperimentService experiments, RunService runs,
            PortDataService portData, PortStatisticsService portStatistics, ModelService models, DeploymentService deployments, ScoringService scoring,
            WorkspaceService workspaces, UploadService uploads, ConnectionService connections, RunHistory history,
            ScheduleService schedules, BackgroundWork work) {
        this.portData = portData;
        this.portStatistics = portStatistics;
        this.catalog = catalog;
        this.experiments = experiments;
        this.runs = runs;
        this.scheduleFlow = new ScheduleFlow(schedules, deployments, this);
        this.workspaces = workspaces;
        this.uploads = uploads;
        this.connections = connections;
        this.edited = new EditedExperiment(experiments, this, savingCallbacks());
        this.runControl = new RunControl(runs, work, canvas, this, this::getLocale, runCallbacks());
        this.side = new SidePanel(catalog, edited, runControl, this::getLocale, sideCallbacks());
        this.deployFlow = new DeployFlow(models, runs, deployments, scoring, work, this);
        this.historyOnCanvas = new HistoryOnCanvas(new HistoryOnCanvas.Services(experiments, runs, history, catalog),
                canvas, revisionBanner, edited, this, this::getLocale, historyCallbacks());
        this.comparisons = new RunComparisonFlow(history, catalog, this, this::getLocale,
                this::showPastRun);
        addClassName("editor");

        canvas.addClassName("editor-canvas");
        canvas.addGraphChangeListener(this::graphEdited);
        canvas.addNodeSelectionListener(node -> side.select(node.orElse(null)));
        canvas.addViewOutputListener(side::showResults);
        canvas.addRunScopeListener(runControl::start);
        toolbarSlot.addClassName("toolbar-slot");
        Div body = new Div(canvas, side);
        body.addClassName("editor-body");
        add(revisionBanner, toolbarSlot, body, autosave);

        Shortcuts.addShortcutListener(this, edited::saveClicked, Key.KEY_S, KeyModifier.CONTROL);
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
        runControl.unsubscribe();
        workspace = workspaces.get(loaded.workspaceId().toString());
        edited.load(loaded);
        historyOnCanvas.reset();
        side.reset();
        canvas.setPalette(catalog.catalog(), getLocale());
        canvas.setGraph(edited.graph());
        canvas.markNodes(Map.of());
        canvas.clearNodeStates();
        render();
        pushValidation();
        showStale();
        runControl.load(edited.id());
    }

    /** Builds the toolbar and side panel from the state (also after a language switch). */
    private void render() {
        renderedIn = getLocale();
        toolbar = new EditorToolbar(this::nameEdited, edited::saveClicked, () -> runControl.start(RunScope.ALL),
                runControl::cancel, () -> side.selectFromPanel(null), edited::editRunSettings);
        toolbar.setName(edited.name());
        toolbar.showDirty(edited.dirty());
        RunView run = runControl.run();
        toolbar.showRun(run == null ? null : run.state());
        toolbar.showStarting(runControl.starting());
        toolbar.setReadOnly(!workspace.role().canEdit());
        compareButton = comparisons.compareButton(runControl::runId);
        compareButton.setEnabled(run != null && run.state().isFinal());
        toolbar.addTools(historyOnCanvas.revisionsButton(),
                scheduleFlow.button(edited::id, () -> workspace),
                comparisons.historyButton(edited::id, edited::name), compareButton,
                ExperimentFileDownload.button(experiments, edited.id(), getTranslation("action.export")));
        toolbarSlot.removeAll();
        toolbarSlot.add(toolbar);
        side.show();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        // Also called once after navigation, in the language the view was just built in.
        if (edited.id() == null || event.getLocale().equals(renderedIn)) {
            return;
        }
        canvas.setPalette(catalog.catalog(), event.getLocale());
        render();
        pushValidation();
    }

    // ---- editing

    private void graphEdited(ExperimentGraph changed) {
        if (historyOnCanvas.showing() || changed.equals(edited.graph())) {
            return;
        }
        SidePanel.Shown before = side.shown();
        edited.edit(changed);
        markDirty();
        revalidate();
        side.edited(before);
    }

    private void replaceNode(String nodeId, java.util.function.UnaryOperator<Node> change) {
        Optional<Node> changed = edited.graph().node(nodeId).map(change);
        if (changed.isEmpty()) {
            return; // deleted on the canvas while its form was open
        }
        edited.edit(edited.graph().withNode(changed.get()));
        canvas.updateNode(changed.get());
        markDirty();
        revalidate();
    }

    private void nameEdited(String value) {
        edited.rename(value);
        markDirty();
    }

    private void descriptionEdited(String value) {
        edited.describe(value);
        markDirty();
    }

    private void markDirty() {
        toolbar.showDirty(true);
        if (workspace.role().canEdit()) {
            autosave.restart();
        }
    }

    private void autosaveElapsed() {
        if (edited.dirty() && !edited.conflictOpen() && !historyOnCanvas.showing() && workspace.role().canEdit()
                && edited.save(SaveKind.AUTOSAVE)) {
            toolbar.showAutosaved();
        }
    }

    private void revalidate() {
        edited.validated(experiments.validate(workspace.ref(), edited.graph()));
        pushValidation();
        showStale();
    }

    /** Marks the nodes the edits since their last run made out of date. */
    private void showStale() {
        Map<String, String> reasons = new LinkedHashMap<>();
        runs.staleNodes(edited.id(), edited.graph()).forEach((node, stale) -> reasons.put(node, stale.reason()));
        canvas.setStaleNodes(reasons);
    }

    private void pushValidation() {
        ValidationResult validation = edited.validation();
        List<ValidationError> errors = validation == null ? List.of() : validation.errors();
        canvas.setValidationErrors(readable(errors));
        toolbar.showIssues(errors.size());
        side.showValidation();
    }

    /** The errors with sentences for people in the UI's language, as the canvas shows them on the nodes. */
    private List<ValidationError> readable(List<ValidationError> errors) {
        ValidationMessages messages = new ValidationMessages(this::getTranslation, getLocale());
        return errors.stream().map(e -> new ValidationError(e.nodeId(), e.param(), e.port(), e.code(),
                        messages.sentence(e, Optional.ofNullable(e.nodeId()).flatMap(edited.graph()::node)
                                .flatMap(n -> catalog.find(n.component())).orElse(null))))
                .toList();
    }

    // ---- the side panel's actions

    private NodePanel.Actions panelActions() {
        return new NodePanel.Actions() {
            @Override
            public void paramsChanged(String nodeId, Map<String, Object> params) {
                replaceNode(nodeId, node -> node.withParams(params));
            }

            @Override
            public void labelChanged(String nodeId, String label) {
                replaceNode(nodeId, node -> node.withLabel(label));
            }

            @Override
            public NodeResultView result(String nodeId) {
                return runs.nodeResult(runControl.runId(), nodeId);
            }

            @Override
            public void deploy(String nodeId) {
                if (runControl.run() != null) {
                    deployFlow.deploy(runControl.runId(), nodeId, edited.graph(), workspace.ref(),
                            id -> nodeName(edited.graph(), id));
                }
            }

            @Override
            public TableDataGrid.Source table(String nodeId, String port) {
                return tableOf(runControl.runId(), nodeId, port);
            }

            @Override
            public UUID runId() {
                return runControl.runId();
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

    /** A node as the canvas shows it: its label, else its component's title, else (a node since removed) its id. */
    private String nodeName(ExperimentGraph in, String nodeId) {
        return in.node(nodeId)
                .map(n -> n.label() != null && !n.label().isBlank() ? n.label()
                        : catalog.find(n.component()).map(c -> c.title().in(getLocale())).orElse(nodeId))
                .orElse(nodeId);
    }

    private void showPastRun(RunSummary summary) {
        historyOnCanvas.showPastRun(summary, comparisons.runTitle(summary));
    }

    // ---- the parts' callbacks

    private EditedExperiment.Editor savingCallbacks() {
        return new EditedExperiment.Editor() {
            @Override
            public EditorToolbar toolbar() {
                return toolbar;
            }

            @Override
            public WorkspaceRef workspace() {
                return workspace.ref();
            }

            @Override
            public void savedStateChanged() {
                side.update();
            }

            @Override
            public void reload(ExperimentView current) {
                load(current);
            }
        };
    }

    private RunControl.Editor runCallbacks() {
        return new RunControl.Editor() {
            @Override
            public UUID experimentId() {
                return edited.id();
            }

            @Override
            public ExperimentGraph graph() {
                return edited.graph();
            }

            @Override
            public EditorToolbar toolbar() {
                return toolbar;
            }

            @Override
            public boolean canEdit() {
                return workspace.role().canEdit();
            }

            @Override
            public boolean save() {
                return edited.save(SaveKind.SAVE);
            }

            @Override
            public boolean showingPastRun() {
                return historyOnCanvas.showingPastRun();
            }

            @Override
            public void runShown(RunView run) {
                compareButton.setEnabled(run.state().isFinal());
                side.showRun(run);
            }

            @Override
            public void ticked(RunView run) {
                side.ticked(run);
            }

            @Override
            public void showStale() {
                ExperimentEditorView.this.showStale();
            }

            @Override
            public void showInvalid(List<ValidationError> errors) {
                canvas.setValidationErrors(readable(errors));
                toolbar.showIssues(errors.size());
                errors.stream().map(ValidationError::nodeId).filter(Objects::nonNull).findFirst()
                        .ifPresent(side::selectFromPanel);
            }
        };
    }

    private SidePanel.Editor sideCallbacks() {
        return new SidePanel.Editor() {
            @Override
            public NodePanel.Actions nodeActions() {
                return panelActions();
            }

            @Override
            public void descriptionEdited(String value) {
                ExperimentEditorView.this.descriptionEdited(value);
            }

            @Override
            public void selectOnCanvas(String nodeId) {
                canvas.selectNode(nodeId);
            }

            @Override
            public boolean showingPastRun() {
                return historyOnCanvas.showingPastRun();
            }

            @Override
            public void selectPastRunNode(String nodeId) {
                historyOnCanvas.selectPastRunNode(nodeId);
            }
        };
    }

    private HistoryOnCanvas.Editor historyCallbacks() {
        return new HistoryOnCanvas.Editor() {
            @Override
            public boolean canEdit() {
                return workspace.role().canEdit();
            }

            @Override
            public void load(ExperimentView restored) {
                ExperimentEditorView.this.load(restored);
            }

            @Override
            public void backToEditing() {
                pushValidation();
                runControl.showAgain();
                side.show();
            }

            @Override
            public void showInSide(Component panel) {
                side.showInstead(panel);
            }

            @Override
            public String nodeName(ExperimentGraph graph, String nodeId) {
                return ExperimentEditorView.this.nodeName(graph, nodeId);
            }

            @Override
            public TableDataGrid.Source table(UUID runId, String nodeId, String port) {
                return tableOf(runId, nodeId, port);
            }
        };
    }

    // ---- leaving

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!edited.dirty() || workspace.role().canEdit() && !edited.conflictOpen()
                && edited.save(SaveKind.AUTOSAVE)) {
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
            edited.discard();
            action.proceed();
        });
        dialog.setConfirmText(getTranslation("editor.leave.save"));
        dialog.addConfirmListener(e -> {
            if (edited.save(SaveKind.SAVE)) {
                action.proceed();
            }
        });
        dialog.open();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        runControl.detached();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        runControl.reattached();
    }

    @Override
    public String getPageTitle() {
        String name = edited.name();
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
