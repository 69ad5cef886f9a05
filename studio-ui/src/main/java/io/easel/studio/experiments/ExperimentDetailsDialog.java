package io.easel.studio.experiments;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Edits an experiment's description and tags (tags typed comma-separated). */
class ExperimentDetailsDialog extends Dialog {

    /** Saves; answers a problem to show, or empty when saved. */
    @FunctionalInterface
    interface Action {
        Optional<String> apply(String description, List<String> tags);
    }

    private final TextArea description = new TextArea();
    private final TextField tags = new TextField();

    ExperimentDetailsDialog(String name, String initialDescription, List<String> initialTags, Action action) {
        setHeaderTitle(getTranslation("list.details.title", name));
        setWidth("460px");
        description.setLabel(getTranslation("experiment.description"));
        description.setWidthFull();
        description.setMinHeight("96px");
        description.setValue(initialDescription == null ? "" : initialDescription);
        description.setId("details-description");
        tags.setLabel(getTranslation("list.tags"));
        tags.setHelperText(getTranslation("list.details.tags-help"));
        tags.setWidthFull();
        tags.setValue(String.join(", ", initialTags));
        tags.setId("details-tags");
        add(description, tags);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        Button save = new Button(getTranslation("editor.save"), e -> action.apply(description.getValue().strip(),
                Arrays.stream(tags.getValue().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList())
                .ifPresentOrElse(problem -> {
                    tags.setErrorMessage(problem);
                    tags.setInvalid(true);
                }, this::close));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("details-save");
        getFooter().add(cancel, save);
    }
}
