package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.RouteParameters;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.ValidationResult;
import io.easel.server.experiment.ExperimentEdit;
import io.easel.server.experiment.ExperimentNotFoundException;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.experiment.InvalidExperimentException;
import io.easel.server.experiment.RunSettings;
import io.easel.server.experiment.SaveKind;
import io.easel.server.experiment.StaleExperimentException;
import io.easel.server.security.WorkspaceRef;
import io.easel.studio.layout.Toasts;
import java.time.Instant;
import java.util.UUID;

/**
 * The experiment as the editor has it (what was loaded and the edits since) and its saving: each save names the
 * version it was based on, and a save refused because the experiment changed elsewhere opens the conflict dialog
 * instead of overwriting. Run settings are saved on their own, leaving the other edits unsaved.
 */
class EditedExperiment {

    /** What saving asks of the editor around it. */
    interface Editor {
        EditorToolbar toolbar();

        WorkspaceRef workspace();

        /** Something the experiment panel shows changed (saved time, name, run settings). */
        void savedStateChanged();

        /** Shows {@code current} instead of the edits (the user chose the other person's version). */
        void reload(ExperimentView current);
    }

    private final ExperimentService experiments;
    private final Component owner;
    private final Editor editor;

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

    /** @param owner the editor view: translations, and the UI that navigates to a copy */
    EditedExperiment(ExperimentService experiments, Component owner, Editor editor) {
        this.experiments = experiments;
        this.owner = owner;
        this.editor = editor;
    }

    void load(ExperimentView loaded) {
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
    }

    UUID id() {
        return id;
    }

    long version() {
        return version;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    Instant savedAt() {
        return savedAt;
    }

    ExperimentGraph graph() {
        return graph;
    }

    ValidationResult validation() {
        return validation;
    }

    boolean dirty() {
        return dirty;
    }

    boolean conflictOpen() {
        return conflictOpen;
    }

    void rename(String value) {
        name = value;
        dirty = true;
    }

    void describe(String value) {
        description = value;
        dirty = true;
    }

    void edit(ExperimentGraph edited) {
        graph = edited;
        dirty = true;
    }

    void validated(ValidationResult result) {
        validation = result;
    }

    /** The user chose to leave without saving. */
    void discard() {
        dirty = false;
    }

    /** Saves the current edits; false when they could not be saved (the edits stay in the editor). */
    boolean save(SaveKind kind) {
        try {
            ExperimentView saved = experiments.save(id, version, ExperimentEdit.of(name, description, graph, kind));
            version = saved.version();
            savedAt = saved.updatedAt();
            name = saved.name();
            dirty = false;
            editor.toolbar().showNameProblem(null);
            editor.toolbar().showDirty(false);
            editor.savedStateChanged();
            return true;
        } catch (StaleExperimentException e) {
            resolveConflict(e);
        } catch (InvalidExperimentException e) {
            editor.toolbar().showNameProblem(e.getMessage());
            Toasts.error(owner.getTranslation("editor.save.invalid", e.getMessage()));
        } catch (ExperimentNotFoundException e) {
            Toasts.error(owner.getTranslation("editor.deleted"));
        }
        return false;
    }

    /** Save, as the button and Ctrl+S do it: with a word when it worked. */
    void saveClicked() {
        if (save(SaveKind.SAVE)) {
            Toasts.success(owner.getTranslation("editor.save.done"));
        }
    }

    /** The experiment was saved elsewhere since this editor read it: the user chooses, nothing is overwritten. */
    void resolveConflict(StaleExperimentException e) {
        if (conflictOpen) {
            return;
        }
        conflictOpen = true;
        ConflictDialog dialog = new ConflictDialog(e, new ConflictDialog.Choices() {
            @Override
            public void reloadTheirs() {
                editor.reload(experiments.get(id));
            }

            @Override
            public void keepMineAsCopy() {
                ExperimentView copy = experiments.create(editor.workspace(), new ExperimentEdit(
                        owner.getTranslation("editor.stale.copy-name", name), description, null, graph, runSettings,
                        SaveKind.SAVE));
                dirty = false;
                Toasts.success(owner.getTranslation("editor.stale.copied", copy.name()));
                owner.getUI().ifPresent(ui -> ui.navigate(ExperimentEditorView.class,
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

    // ---- run settings

    void editRunSettings() {
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
            Toasts.success(owner.getTranslation("run-settings.saved"));
            editor.savedStateChanged();
        } catch (StaleExperimentException e) {
            offerReload(e, () -> saveRunSettings(settings, e.currentVersion()));
        } catch (InvalidExperimentException e) {
            Object field = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("field");
            if (runSettingsDialog == null || !runSettingsDialog.showServerProblem(String.valueOf(field),
                    e.getMessage())) {
                Toasts.error(owner.getTranslation("editor.save.invalid", e.getMessage()));
            }
        } catch (ExperimentNotFoundException e) {
            Toasts.error(owner.getTranslation("editor.deleted"));
        }
    }

    /**
     * Shows the conflict of a save that came too late and what the engineer can do about it.
     *
     * @param overwrite saves the same change again over the current version
     */
    private void offerReload(StaleExperimentException e, Runnable overwrite) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("stale-dialog");
        dialog.setHeader(owner.getTranslation("editor.stale.title"));
        dialog.setText(owner.getTranslation("editor.stale.text", e.expectedVersion(), e.currentVersion()));
        dialog.setCancelable(true);
        dialog.setCancelText(owner.getTranslation("editor.stale.keep"));
        dialog.setRejectable(true);
        dialog.setRejectText(owner.getTranslation("editor.stale.overwrite"));
        dialog.addRejectListener(event -> overwrite.run());
        dialog.setConfirmText(owner.getTranslation("editor.stale.reload"));
        dialog.addConfirmListener(event -> editor.reload(experiments.get(id)));
        dialog.open();
    }
}
