package io.easel.studio.registry;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.easel.server.deployment.DeploymentNameException;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.DeploymentView;
import io.easel.server.deployment.GateChoice;
import io.easel.server.deployment.GateOverride;
import io.easel.server.deployment.GateRefusedException;
import io.easel.server.deployment.ScoringService;
import io.easel.server.model.ModelVersionView;
import io.easel.server.model.ModelView;
import io.easel.server.security.WorkspaceRef;
import io.easel.studio.layout.BackgroundWork;
import io.easel.studio.layout.RelativeTime;
import io.easel.studio.layout.Toasts;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.web.ErrorResponseException;

/**
 * Deploys a model: the user picks the version and the deployment's name (empty for one derived from the model's
 * name; a name that already serves this model is re-pointed). Then shows where the endpoint is and a request that
 * works as pasted. When the deployment's evaluation gate refuses the version, the dialog lists each failed rule;
 * administrators may deploy it anyway, giving a reason. Opened from the editor's results and from the Models page.
 */
public class DeployDialog extends Dialog {

    /** The services the dialog calls, and where the deploy itself runs (off the UI thread: it loads the model). */
    public record Services(DeploymentService deployments, ScoringService scoring, BackgroundWork work) {}

    /**
     * What to deploy.
     *
     * @param version the version chosen when the dialog opens
     * @param sampleRows first rows of tables that fed the chosen version, for a scoring example with real values
     * @param nodeName a node id as the user knows the node (its label)
     */
    public record Choice(ModelView model, int version,
            Function<ModelVersionView, List<ScoringExample.SampleRow>> sampleRows, UnaryOperator<String> nodeName) {}

    private final Services services;
    private final WorkspaceRef workspace;
    private final Choice choice;
    private final Consumer<DeploymentView> onDeployed;
    private final Select<ModelVersionView> version = new Select<>();
    private final TextField name = new TextField();
    /** Why the deployment's gate refused the chosen version, and the administrator's way past it; empty until then. */
    private final Div refusal = new Div();
    private final Button deploy = new Button();
    /** "Deploy anyway", once the gate refused the version and the user may override it; null otherwise. */
    private Button override;
    /** Read while the dialog opens: the deployment is shown by push, when no request is at hand. */
    private final String studioUrl = DeploymentDetails.studioUrl();

    /** @param onDeployed told of the deployment once it serves */
    public DeployDialog(Services services, WorkspaceRef workspace, Choice choice, Consumer<DeploymentView> onDeployed) {
        this.services = services;
        this.workspace = workspace;
        this.choice = choice;
        this.onDeployed = onDeployed;
        setHeaderTitle(getTranslation("registry.deploy.title", choice.model().name()));
        addClassName("deploy-dialog");
        setWidth("min(760px, 94vw)");

        List<ModelVersionView> versions = choice.model().versions().stream()
                .sorted(Comparator.comparingInt(ModelVersionView::version).reversed()).toList();
        version.setLabel(getTranslation("registry.deploy.version"));
        version.setId("deploy-version");
        version.setItems(versions);
        version.setItemLabelGenerator(v -> getTranslation("registry.version.label", v.version(),
                RelativeTime.format(v.createdAt(), Instant.now(), getLocale(),
                        (key, argument) -> argument == null ? getTranslation(key) : getTranslation(key, argument))));
        versions.stream().filter(v -> v.version() == choice.version()).findFirst().ifPresent(version::setValue);
        version.setWidthFull();

        name.setLabel(getTranslation("registry.deploy.name"));
        name.setId("deploy-name");
        name.setPlaceholder(getTranslation("registry.deploy.name.placeholder"));
        name.setHelperText(getTranslation("registry.deploy.name.helper"));
        name.setWidthFull();
        refusal.setId("deploy-gate-refusal");
        refusal.addClassName("deploy-gate-refusal");
        refusal.setVisible(false);
        version.addValueChangeListener(e -> refusal.setVisible(false));
        name.addValueChangeListener(e -> refusal.setVisible(false));
        add(version, name, refusal);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        cancel.setId("deploy-cancel");
        deploy.setText(getTranslation("registry.deploy.confirm"));
        deploy.setIcon(VaadinIcon.ROCKET.create());
        deploy.addClickListener(e -> deploy());
        // Disabled in the browser at the click already: a double click must not deploy twice.
        deploy.setDisableOnClick(true);
        deploy.addThemeVariants(ButtonVariant.PRIMARY);
        deploy.setId("deploy-confirm");
        getFooter().add(cancel, deploy);
    }

    private void deploy() {
        deploy(GateChoice.NONE);
    }

    private void deploy(GateChoice gate) {
        ModelVersionView chosen = version.getValue();
        if (chosen == null) {
            version.setErrorMessage(getTranslation("registry.deploy.version.missing"));
            version.setInvalid(true);
            showDeploying(false);
            return;
        }
        showDeploying(true);
        String chosenName = name.getValue();
        services.work().start(UI.getCurrent(),
                () -> services.deployments().deploy(chosen.modelId(), chosen.version(), chosenName, null, gate),
                deployed -> {
                    showDeploying(false);
                    onDeployed.accept(deployed);
                    showDeployed(deployed, chosen);
                }, refused -> {
                    showDeploying(false);
                    showProblem(chosen, refused);
                });
    }

    /** While the deploy runs: no second click on Deploy or Deploy anyway, and Deploy says it is busy. */
    private void showDeploying(boolean busy) {
        deploy.setEnabled(!busy);
        deploy.setText(getTranslation(busy ? "registry.deploy.deploying" : "registry.deploy.confirm"));
        if (override != null) {
            override.setEnabled(!busy);
        }
    }

    private void showProblem(ModelVersionView chosen, RuntimeException refused) {
        switch (refused) {
            case GateRefusedException gate -> showRefusal(chosen, gate);
            case DeploymentNameException problem -> {
                name.setErrorMessage(problem.getMessage());
                name.setInvalid(true);
            }
            case ErrorResponseException problem ->
                    Toasts.error(getTranslation("deploy.failed", problem.getBody().getDetail()));
            case RejectedExecutionException busy -> Toasts.error(getTranslation("work.busy"));
            default -> throw refused;
        }
    }

    /** Each failed rule with both figures; for administrators, a reason field and "Deploy anyway". */
    private void showRefusal(ModelVersionView chosen, GateRefusedException refused) {
        refusal.removeAll();
        override = null;
        GateWords words = new GateWords(this);
        UnorderedList failures = new UnorderedList();
        refused.failures().forEach(f -> failures.add(new ListItem(words.failure(f))));
        refusal.add(new Paragraph(getTranslation("registry.gate.refused", chosen.version())), failures);
        if (refused.mayOverride()) {
            TextField reason = new TextField(getTranslation("registry.gate.override.reason"));
            reason.setId("deploy-override-reason");
            reason.setHelperText(getTranslation("registry.gate.override.helper"));
            reason.setWidthFull();
            override = new Button(getTranslation("registry.gate.override"), e -> {
                if (reason.getValue().isBlank()) {
                    reason.setErrorMessage(getTranslation("registry.gate.override.missing"));
                    reason.setInvalid(true);
                    showDeploying(false);
                    return;
                }
                deploy(new GateChoice(null, new GateOverride(reason.getValue())));
            });
            override.setDisableOnClick(true);
            override.addThemeVariants(ButtonVariant.ERROR);
            override.setId("deploy-override");
            refusal.add(reason, override);
        } else {
            Paragraph askAdministrator = new Paragraph(getTranslation("registry.gate.ask-admin"));
            askAdministrator.addClassName("muted");
            refusal.add(askAdministrator);
        }
        refusal.setVisible(true);
    }

    private void showDeployed(DeploymentView deployed, ModelVersionView chosen) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle(getTranslation("deploy.title"));
        Div success = new Div(VaadinIcon.CHECK_CIRCLE.create(),
                new Span(getTranslation("deploy.done", chosen.modelName(), chosen.version())));
        success.addClassName("deploy-success");
        String inputNode = deployed.inputNode() == null ? null : choice.nodeName().apply(deployed.inputNode());
        add(success, new DeploymentDetails(new DeploymentDetails.Shown(deployed, choice.sampleRows().apply(chosen),
                inputNode), services.scoring(), workspace, studioUrl));
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.addThemeVariants(ButtonVariant.PRIMARY);
        close.setId("deploy-close");
        getFooter().add(close);
    }
}
