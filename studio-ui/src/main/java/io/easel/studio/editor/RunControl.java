package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.ValidationError;
import io.easel.run.NodeState;
import io.easel.run.RunScope;
import io.easel.run.RunState;
import io.easel.server.run.InvalidGraphException;
import io.easel.server.run.NodeRunView;
import io.easel.server.run.Registration;
import io.easel.server.run.RunOptions;
import io.easel.server.run.RunService;
import io.easel.server.run.RunView;
import io.easel.studio.canvas.ExperimentCanvas;
import io.easel.studio.layout.BackgroundWork;
import io.easel.studio.layout.Toasts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.springframework.web.ErrorResponseException;

/**
 * The editor's run control: starts a run (all of it, or the scope a node's menu chose) off the UI thread, cancels it,
 * follows it by push, shows its progress on the toolbar and the canvas, polls for its log lines, and says how it
 * ended. It holds the run the editor shows; the editor tells it what else to refresh through {@link Editor}.
 */
class RunControl {

    /** Polls after a run ended, for the log lines its engine writes after reporting the end. */
    private static final int TICKS_AFTER_END = 5;

    /** What run control asks of the editor around it. */
    interface Editor {
        UUID experimentId();

        ExperimentGraph graph();

        EditorToolbar toolbar();

        boolean canEdit();

        /** Saves the edits before a run; false when they could not be saved (the editor said why). */
        boolean save();

        /** A past run is on the canvas: the current run's node states wait until it is gone. */
        boolean showingPastRun();

        /** The run shown changed: the side panel and the tools that depend on it follow. */
        void runShown(RunView run);

        /** A poll while the run goes on: elapsed times and logs catch up. */
        void ticked(RunView run);

        /** The nodes out of date since their last run changed (a run ended). */
        void showStale();

        /** The run was refused because the graph does not validate: mark and show the problems. */
        void showInvalid(List<ValidationError> errors);
    }

    private final RunService runs;
    private final BackgroundWork work;
    private final ExperimentCanvas canvas;
    private final Component owner;
    private final Supplier<Locale> locale;
    private final Editor editor;

    private RunView run;
    /** A run is being started off the UI thread: no second start until it has answered. */
    private boolean starting;
    private Registration subscription;
    /** While a run goes on, and a few seconds after: the UI polls so elapsed times and logs catch up. */
    private com.vaadin.flow.shared.Registration ticking;
    private int ticksAfterEnd;

    /** @param owner the editor view: translations, and the UI that polls */
    RunControl(RunService runs, BackgroundWork work, ExperimentCanvas canvas, Component owner,
            Supplier<Locale> locale, Editor editor) {
        this.runs = runs;
        this.work = work;
        this.canvas = canvas;
        this.owner = owner;
        this.locale = locale;
        this.editor = editor;
    }

    /** The run shown, or null before the experiment's first. */
    RunView run() {
        return run;
    }

    UUID runId() {
        return run == null ? null : run.id();
    }

    boolean starting() {
        return starting;
    }

    /** A freshly loaded experiment: forget the run of the one before, show this one's latest and follow it. */
    void load(UUID experimentId) {
        unsubscribe();
        runs.latest(experimentId).ifPresent(latest -> {
            show(latest);
            if (!latest.state().isFinal()) {
                follow(latest.id());
            }
        });
    }

    /**
     * Saves the experiment and runs the part of it {@code scope} says (the canvas's node menu), or all of it. The
     * start (which spawns or feeds an engine) happens off the UI thread; Run reads "Starting…" until it answers.
     */
    void start(RunScope scope) {
        if (starting || run != null && !run.state().isFinal() || !editor.canEdit()) {
            return;
        }
        if (!editor.save()) {
            return;
        }
        showStarting(true);
        UUID experiment = editor.experimentId();
        work.start(UI.getCurrent(), () -> runs.start(experiment, RunOptions.of(scope)), started -> {
            showStarting(false);
            if (!experiment.equals(editor.experimentId())) {
                return; // another experiment was loaded meanwhile; this one's editor shows the run when reopened
            }
            canvas.clearNodeStates();
            run = null;
            show(started);
            follow(started.id());
        }, refused -> {
            showStarting(false);
            startRefused(refused);
        });
    }

    private void showStarting(boolean value) {
        starting = value;
        editor.toolbar().showStarting(value);
    }

    private void startRefused(RuntimeException refused) {
        if (refused instanceof InvalidGraphException invalid) {
            editor.showInvalid(invalid.errors());
            Toasts.error(owner.getTranslation("editor.run.invalid", invalid.errors().size()));
        } else {
            Toasts.error(owner.getTranslation("editor.run.not-started", problem(refused)));
        }
    }

    /** Why background work failed, in words for people: the service's own, or that the studio is too busy. */
    private String problem(RuntimeException failure) {
        return switch (failure) {
            case RejectedExecutionException busy -> owner.getTranslation("work.busy");
            case ErrorResponseException answered when answered.getBody().getDetail() != null ->
                    answered.getBody().getDetail();
            default -> throw failure;
        };
    }

    void cancel() {
        if (run == null || run.state().isFinal()) {
            return;
        }
        editor.toolbar().showCancelling();
        UUID runId = run.id();
        work.start(UI.getCurrent(), () -> runs.cancel(runId), cancelled -> {
            if (run != null && run.id().equals(cancelled.id())) {
                show(cancelled);
            }
        }, refused -> {
            editor.toolbar().showRun(run == null ? null : run.state());
            Toasts.error(owner.getTranslation("editor.cancel.failed", problem(refused)));
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
                        show(update);
                    }
                });
            } catch (UIDetachedException closed) {
                if (holder[0] != null) {
                    holder[0].remove();
                }
            }
        });
        subscription = holder[0];
        // Changes before the subscription existed would otherwise be missed.
        show(runs.get(runId));
    }

    void unsubscribe() {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    /** The page was attached again (after a detach stopped following): follow the run still going on. */
    void reattached() {
        if (run != null && !run.state().isFinal() && subscription == null) {
            follow(run.id());
        }
    }

    void detached() {
        unsubscribe();
        stopTicking();
    }

    /** Shows the run again after something else (a revision, a past run) was on the canvas. */
    void showAgain() {
        if (run != null) {
            show(run);
        }
    }

    private void show(RunView update) {
        RunState before = run == null || !run.id().equals(update.id()) ? null : run.state();
        run = update;
        editor.toolbar().showRun(update.state());
        ExperimentGraph graph = editor.graph();
        for (NodeRunView node : update.nodes().values()) {
            // While a past run is on the canvas, its states stay there; the current run's come back after.
            if (!editor.showingPastRun() && graph.node(node.nodeId()).isPresent()) {
                canvas.setNodeState(node.nodeId(), node.state(), node.state() == NodeState.FAILED
                        ? RunProgressText.plainCause(node.message(), locale.get())
                        : NodeProvenance.canvasMessage(node, owner::getTranslation));
            }
        }
        showProgress(update);
        editor.runShown(update);
        // Logs follow by polling, not by push: a push comes on the engine's callback thread, where nobody is signed
        // in to read them.
        startTicking(update);
        if (update.state().isFinal()) {
            editor.showStale();
            unsubscribe();
            if (before != null && !before.isFinal()) {
                announce(update);
            }
        }
    }

    /** The toolbar's overall bar, and each running node's bar and "42 % · 12 s" on the canvas. */
    private void showProgress(RunView shown) {
        editor.toolbar().showProgress(shown);
        Instant now = Instant.now();
        ExperimentGraph graph = editor.graph();
        for (NodeRunView node : shown.nodes().values()) {
            if (graph.node(node.nodeId()).isPresent()) {
                boolean counted = node.progress() != null && node.progress().tasksTotal() > 0;
                canvas.setNodeProgress(node.nodeId(), counted ? node.progress().fraction() : null,
                        RunProgressText.running(node, now, owner::getTranslation));
            }
        }
    }

    /** The log of a run, page by page from an offset, for the log panels. */
    LogPanel.Source log(UUID runId) {
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
        owner.getUI().ifPresent(ui -> {
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
        editor.ticked(run);
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.remove();
            ticking = null;
            owner.getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    private void announce(RunView finished) {
        switch (finished.state()) {
            case SUCCEEDED -> Toasts.success(owner.getTranslation("editor.run.succeeded"));
            case CANCELLED -> Toasts.info(owner.getTranslation("editor.run.cancelled"));
            default -> offerWiderScope(finished, Toasts.error(owner.getTranslation("editor.run.failed",
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
        if (scope.whole() || !inputMissing || !editor.canEdit()) {
            return;
        }
        RunScope wider = scope.kind() == RunScope.Kind.ONLY ? new RunScope(RunScope.Kind.TO, scope.node())
                : RunScope.ALL;
        Button offer = new Button(owner.getTranslation(wider.whole() ? "editor.run.offer.all"
                : "editor.run.offer.to"), event -> {
                    toast.close();
                    start(wider);
                });
        offer.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
        offer.getElement().setAttribute("data-action", "run-wider");
        toast.add(offer);
    }
}
