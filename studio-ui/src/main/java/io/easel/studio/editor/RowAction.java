package io.easel.studio.editor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;

/** An icon button on a row of a list dialog (revisions, runs): it closes the dialog, then does what it says. */
final class RowAction {

    private RowAction() {}

    /**
     * @param key the message key of its tooltip and accessible name
     * @param action its {@code data-action}, for tests and styles
     */
    static Button of(Dialog dialog, VaadinIcon icon, String key, String action, Runnable run) {
        Button button = new Button(icon.create(), e -> {
            dialog.close();
            run.run();
        });
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        button.setTooltipText(dialog.getTranslation(key));
        button.setAriaLabel(dialog.getTranslation(key));
        button.getElement().setAttribute("data-action", action);
        return button;
    }
}
