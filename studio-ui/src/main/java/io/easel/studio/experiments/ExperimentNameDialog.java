package io.easel.studio.experiments;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Optional;

/**
 * Asks for an experiment's name (and, when creating one, a description). The action returns the problem to show on
 * the name field, or empty when it succeeded and the dialog may close.
 */
class ExperimentNameDialog extends Dialog {

    /** What happens on confirm. */
    @FunctionalInterface
    interface Action {
        Optional<String> apply(String name, String description);
    }

    private final TextField name = new TextField();
    private final TextArea description = new TextArea();

    ExperimentNameDialog(String title, String confirmCaption, String initialName, boolean askDescription,
            Action action) {
        setHeaderTitle(title);
        addClassName("experiment-dialog");
        setWidth("460px");

        name.setLabel(getTranslation("experiment.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        name.setWidthFull();
        name.setValue(initialName == null ? "" : initialName);
        name.setId("experiment-name");
        name.setManualValidation(true);

        description.setLabel(getTranslation("experiment.description"));
        description.setPlaceholder(getTranslation("experiment.description.placeholder"));
        description.setWidthFull();
        description.setMinHeight("96px");
        description.setId("experiment-description");
        description.setVisible(askDescription);

        add(name, description);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        Button confirm = new Button(confirmCaption, e -> confirm(action));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setId("experiment-dialog-confirm");
        confirm.addClickShortcut(Key.ENTER);
        getFooter().add(cancel, confirm);

        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                name.focus();
            }
        });
    }

    private void confirm(Action action) {
        if (name.getValue().isBlank()) {
            showProblem(getTranslation("experiment.name.required"));
            return;
        }
        action.apply(name.getValue().strip(), description.getValue().strip()).ifPresentOrElse(this::showProblem,
                this::close);
    }

    private void showProblem(String problem) {
        name.setErrorMessage(problem);
        name.setInvalid(true);
    }
}
