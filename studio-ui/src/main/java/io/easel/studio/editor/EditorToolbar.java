package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import io.easel.run.RunState;
import io.easel.server.run.RunView;
import io.easel.studio.experiments.ExperimentListView;
import io.easel.studio.layout.StateBadge;
import java.util.function.Consumer;

/**
 * The editor's header: the way back, the experiment's name, save status, run state, and Save / Run settings / Run /
 * Cancel.
 */
class EditorToolbar extends Div {

    private final TextField name = new TextField();
    private final Span saveState = new Span();
    private final Span issues = new Span();
    private final StateBadge runState = new StateBadge();
    private final Button save = new Button();
    private final Button runSettings = new Button();
    private final Button run = new Button();
    private final Button cancel = new Button();
    private final Span readOnlyNote = new Span();
    /** While a run goes on: how far it has got, and how many nodes have ended. */
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span progressText = new Span();
    private final Div progressBox = new Div(progress, progressText);
    /** A run is being started off the UI thread: Run stays disabled and says so until the start has answered. */
    private boolean starting;
    private RunState shownState;

    /**
     * @param onIssues shows the list of issues (the experiment panel)
     * @param onRunSettings opens the run settings of the experiment
     */
    EditorToolbar(Consumer<String> nameChanged, Runnable onSave, Runnable onRun, Runnable onCancel,
            Runnable onIssues, Runnable onRunSettings) {
        addClassName("editor-toolbar");

        RouterLink back = new RouterLink("", ExperimentListView.class);
        back.add(VaadinIcon.ANGLE_LEFT.create());
        back.addClassName("back-link");
        back.getElement().setAttribute("title", getTranslation("nav.experiments"));
        back.getElement().setAttribute("aria-label", getTranslation("nav.experiments"));

        name.addClassName("name-field");
        name.setId("experiment-name-field");
        name.setMaxLength(200);
        name.setAriaLabel(getTranslation("experiment.name"));
        name.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                nameChanged.accept(e.getValue());
            }
        });
        saveState.addClassName("save-state");
        saveState.setId("save-state");
        issues.addClassName("issues-count");
        issues.setId("issues-count");
        issues.addClickListener(e -> onIssues.run());
        issues.getElement().setAttribute("role", "button");
        runState.setId("run-state");

        save.setText(getTranslation("editor.save"));
        save.setId("save-experiment");
        save.setTooltipText(getTranslation("editor.save.tooltip"));
        save.addClickListener(e -> onSave.run());

        runSettings.setText(getTranslation("run-settings.button"));
        runSettings.setIcon(VaadinIcon.COG_O.create());
        runSettings.setId("run-settings-button");
        runSettings.setTooltipText(getTranslation("run-settings.button.tooltip"));
        runSettings.addClickListener(e -> onRunSettings.run());

        run.setText(getTranslation("editor.run"));
        run.setIcon(VaadinIcon.PLAY.create());
        run.addThemeVariants(ButtonVariant.PRIMARY);
        run.setId("run-experiment");
        run.addClickListener(e -> onRun.run());

        cancel.setText(getTranslation("editor.cancel"));
        cancel.setIcon(VaadinIcon.STOP.create());
        cancel.addThemeVariants(ButtonVariant.ERROR);
        cancel.setId("cancel-run");
        cancel.addClickListener(e -> onCancel.run());
        cancel.setEnabled(false);

        Div title = new Div(back, name, saveState);
        title.addClassName("toolbar-title");
        Div spacer = new Div();
        spacer.addClassName("spacer");
        readOnlyNote.setText(getTranslation("editor.read-only"));
        readOnlyNote.addClassName("read-only-note");
        readOnlyNote.setId("read-only-note");
        readOnlyNote.setVisible(false);
        progress.setId("run-progress");
        progressText.setId("run-progress-text");
        progressText.addClassName("run-progress-text");
        progressBox.addClassName("run-progress");
        progressBox.setVisible(false);
        Div actions = new Div(issues, runState, progressBox, readOnlyNote, save, runSettings, run, cancel);
        actions.addClassName("toolbar-actions");
        add(title, spacer, actions);
    }

    /** Puts more tools (revisions, export) before Save. */
    void addTools(Component... tools) {
        for (Component tool : tools) {
            save.getParent().ifPresent(actions -> actions.getElement().insertChild(
                    actions.getElement().indexOfChild(save.getElement()), tool.getElement()));
        }
    }

    /** Briefly says an autosave just happened, where the save state is shown. */
    void showAutosaved() {
        saveState.setText(getTranslation("editor.autosaved"));
        saveState.getElement().setAttribute("data-dirty", "false");
    }

    void setName(String value) {
        name.setValue(value == null ? "" : value);
    }

    String name() {
        return name.getValue();
    }

    void showNameProblem(String problem) {
        name.setErrorMessage(problem);
        name.setInvalid(problem != null);
    }

    void showDirty(boolean dirty) {
        saveState.setText(getTranslation(dirty ? "editor.unsaved" : "editor.saved"));
        saveState.getElement().setAttribute("data-dirty", Boolean.toString(dirty));
    }

    void showIssues(int count) {
        issues.setText(count == 0 ? "" : getTranslation("editor.issues", count));
        issues.setVisible(count > 0);
    }

    void showRun(RunState state) {
        shownState = state;
        runState.show(state);
        boolean active = state != null && !state.isFinal();
        run.setEnabled(!active && !starting);
        cancel.setEnabled(active);
    }

    /** While a click on Run (or a run scope) waits for the run to start: Run is disabled and reads "Starting…". */
    void showStarting(boolean value) {
        starting = value;
        run.setText(getTranslation(value ? "editor.run.starting" : "editor.run"));
        showRun(shownState);
    }

    /** A click on Cancel is on its way: no second one. */
    void showCancelling() {
        cancel.setEnabled(false);
    }

    /** The run's overall progress while it goes on; hidden once it has ended (its state says how). */
    void showProgress(RunView shown) {
        boolean active = shown != null && !shown.state().isFinal();
        progressBox.setVisible(active);
        if (active) {
            double overall = RunProgressText.overall(shown);
            progress.setValue(overall);
            progress.getElement().setAttribute("data-progress", Long.toString(Math.round(overall * 100)));
            progressText.setText(getTranslation("progress.run", RunProgressText.ended(shown), shown.nodes().size()));
        }
    }

    void setBusy(boolean busy) {
        save.setEnabled(!busy);
    }

    /** For viewers: nothing they could change is offered, and the header says why. */
    void setReadOnly(boolean readOnly) {
        for (var control : java.util.List.of(save, runSettings, run, cancel)) {
            control.setVisible(!readOnly);
        }
        name.setReadOnly(readOnly);
        readOnlyNote.setVisible(readOnly);
    }
}
