package io.easel.studio.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.DeploymentView;
import io.easel.server.model.ModelVersionView;
import io.easel.server.model.ModelView;
import io.easel.server.security.WorkspaceRef;
import io.easel.studio.layout.Toasts;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.web.ErrorResponseException;

/**
 * Starts a canary release on a deployment: the user picks another version of its model and the share of the scoring
 * requests it answers (1 to 99 %); the served version answers the rest until the canary is promoted or aborted.
 */
class CanaryDialog extends Dialog {

    static final int DEFAULT_PERCENT = 10;

    private final DeploymentService deployments;
    private final WorkspaceRef workspace;
    private final DeploymentView deployment;
    private final Consumer<DeploymentView> onStarted;
    private final Select<ModelVersionView> version = new Select<>();
    private final IntegerField percent = new IntegerField();

    /**
     * @param model the deployment's model, with its versions
     * @param onStarted told of the deployment once its canary runs
     */
    CanaryDialog(DeploymentService deployments, WorkspaceRef workspace, DeploymentView deployment, ModelView model,
            Consumer<DeploymentView> onStarted) {
        this.deployments = deployments;
        this.workspace = workspace;
        this.deployment = deployment;
        this.onStarted = onStarted;
        setHeaderTitle(getTranslation("registry.canary.title", deployment.name()));
        addClassName("canary-dialog");
        setWidth("min(520px, 94vw)");

        List<ModelVersionView> others = model.versions().stream()
                .filter(v -> v.version() != deployment.modelVersion())
                .sorted(Comparator.comparingInt(ModelVersionView::version).reversed()).toList();
        version.setLabel(getTranslation("registry.canary.version"));
        version.setId("canary-version");
        version.setItems(others);
        version.setItemLabelGenerator(v -> getTranslation("registry.version", v.version()));
        others.stream().findFirst().ifPresent(version::setValue);
        version.setWidthFull();

        percent.setLabel(getTranslation("registry.canary.percent"));
        percent.setId("canary-percent");
        percent.setMin(1);
        percent.setMax(99);
        percent.setStepButtonsVisible(true);
        percent.setValue(DEFAULT_PERCENT);
        percent.setHelperText(getTranslation("registry.canary.percent.helper", deployment.modelVersion()));
        percent.setWidthFull();
        Paragraph none = new Paragraph(getTranslation("registry.canary.no-other-version"));
        none.addClassName("muted");
        none.setVisible(others.isEmpty());
        add(none, version, percent);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        cancel.setId("canary-cancel");
        Button start = new Button(getTranslation("registry.canary.start"), VaadinIcon.SPLIT.create(), e -> start());
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.setId("canary-confirm");
        start.setEnabled(!others.isEmpty());
        getFooter().add(cancel, start);
    }

    private void start() {
        ModelVersionView chosen = version.getValue();
        if (chosen == null) {
            version.setErrorMessage(getTranslation("registry.deploy.version.missing"));
            version.setInvalid(true);
            return;
        }
        Integer share = percent.getValue();
        if (share == null || share < 1 || share > 99) {
            percent.setErrorMessage(getTranslation("registry.canary.percent.invalid"));
            percent.setInvalid(true);
            return;
        }
        try {
            DeploymentView started = deployments.startCanary(workspace, deployment.name(), chosen.version(), share);
            Toasts.success(getTranslation("registry.canary.started", started.name(), chosen.version(), share));
            onStarted.accept(started);
            close();
        } catch (ErrorResponseException problem) {
            Toasts.error(getTranslation("registry.deployments.failed", problem.getBody().getDetail()));
        }
    }
}
