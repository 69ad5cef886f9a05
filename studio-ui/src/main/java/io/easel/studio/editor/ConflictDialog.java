package io.easel.studio.editor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.easel.server.experiment.StaleExperimentException;

/**
 * The experiment was saved elsewhere (another tab, another user) since this editor loaded it: nothing is
 * overwritten until the user chooses. Escape or closing keeps the edits on screen, with saving paused.
 */
class ConflictDialog extends Dialog {

    /** The user's three ways out. */
    interface Choices {
        void reloadTheirs();

        void keepMineAsCopy();

        void overwrite();
    }

    ConflictDialog(StaleExperimentException conflict, Choices choices) {
        setId("stale-dialog");
        setHeaderTitle(getTranslation("editor.stale.title"));
        setWidth("520px");
        Paragraph text = new Paragraph(getTranslation("editor.stale.text", conflict.expectedVersion(),
                conflict.currentVersion()));
        text.setId("stale-text");
        add(text);
        Button reload = button("stale-reload", "editor.stale.reload", choices::reloadTheirs);
        Button copy = button("stale-copy", "editor.stale.copy", choices::keepMineAsCopy);
        Button overwrite = button("stale-overwrite", "editor.stale.overwrite", choices::overwrite);
        reload.addThemeVariants(ButtonVariant.PRIMARY);
        overwrite.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        getFooter().add(overwrite, copy, reload);
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(getTranslation(key), e -> {
            close();
            action.run();
        });
        button.setId(id);
        return button;
    }
}
