package io.easel.studio.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.NumberField;
import io.easel.server.deployment.PredictionLog;
import io.easel.server.deployment.PredictionLogSettings;
import io.easel.server.security.WorkspaceRef;
import io.easel.studio.layout.Toasts;
import org.springframework.web.ErrorResponseException;

/**
 * Switches a deployment's prediction log on or off and sets the share of the scored records it keeps (more than 0, at
 * most 100 %). The server checks the rate; its refusal is shown on the field.
 */
class PredictionLogDialog extends Dialog {

    private final PredictionLog log;
    private final WorkspaceRef workspace;
    private final String deployment;
    private final Runnable onSaved;
    private final Checkbox enabled = new Checkbox();
    private final NumberField percent = new NumberField();

    /** @param onSaved told once the settings are stored */
    PredictionLogDialog(PredictionLog log, WorkspaceRef workspace, String deployment, Runnable onSaved) {
        this.log = log;
        this.workspace = workspace;
        this.deployment = deployment;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation("registry.prediction-log.title", deployment));
        addClassName("prediction-log-dialog");
        setWidth("min(520px, 94vw)");

        PredictionLogSettings settings = log.settings(workspace, deployment);
        Paragraph intro = new Paragraph(getTranslation("registry.prediction-log.intro", deployment));
        intro.addClassName("muted");
        enabled.setLabel(getTranslation("registry.prediction-log.enabled"));
        enabled.setId("prediction-log-enabled");
        enabled.setValue(settings.enabled());
        percent.setLabel(getTranslation("registry.prediction-log.percent"));
        percent.setId("prediction-log-percent");
        percent.setMin(0);
        percent.setMax(100);
        percent.setValue(settings.sampleRate() * 100);
        percent.setHelperText(getTranslation("registry.prediction-log.percent.helper"));
        percent.setWidthFull();
        add(intro, enabled, percent);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        cancel.setId("prediction-log-cancel");
        Button save = new Button(getTranslation("registry.prediction-log.save"), VaadinIcon.CHECK.create(),
                e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("prediction-log-confirm");
        getFooter().add(cancel, save);
    }

    private void save() {
        Double share = percent.getValue();
        if (share == null || !(share > 0 && share <= 100)) {
            percent.setErrorMessage(getTranslation("registry.prediction-log.percent.invalid"));
            percent.setInvalid(true);
            return;
        }
        try {
            PredictionLogSettings saved = log.replaceSettings(workspace, deployment,
                    new PredictionLogSettings(enabled.getValue(), share / 100));
            Toasts.success(saved.enabled()
                    ? getTranslation("registry.prediction-log.saved.on", deployment, saved.sampleRate() * 100)
                    : getTranslation("registry.prediction-log.saved.off", deployment));
            onSaved.run();
            close();
        } catch (ErrorResponseException problem) {
            percent.setErrorMessage(problem.getBody().getDetail());
            percent.setInvalid(true);
        }
    }
}
