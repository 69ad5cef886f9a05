package io.easel.studio.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import io.easel.server.deployment.DeploymentGate;
import io.easel.server.deployment.Gate;
import io.easel.server.deployment.GateRule;
import io.easel.server.deployment.MetricDirection;
import io.easel.server.security.WorkspaceRef;
import io.easel.studio.layout.Toasts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.ErrorResponseException;

/**
 * Edits a deployment's evaluation gate: rules on a metric of the version's evaluations, each with one bound (at
 * least, at most, or not worse than the served version by more than a margin). The server checks the rules; its
 * refusal is shown in the dialog.
 */
class GateDialog extends Dialog {

    /** The bound a rule sets. */
    enum Bound {
        AT_LEAST, AT_MOST, NOT_WORSE_THAN_SERVED;

        static Bound of(GateRule rule) {
            return rule.atLeast() != null ? AT_LEAST : rule.atMost() != null ? AT_MOST : NOT_WORSE_THAN_SERVED;
        }

        GateRule rule(String metric, Double value) {
            return switch (this) {
                case AT_LEAST -> new GateRule(metric, value, null, null);
                case AT_MOST -> new GateRule(metric, null, value, null);
                case NOT_WORSE_THAN_SERVED -> new GateRule(metric, null, null, value);
            };
        }

        String key() {
            return "registry.gate.bound." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One rule's fields. */
    private record RuleRow(Div row, Select<String> metric, Select<Bound> bound, NumberField value) {

        GateRule rule() {
            return bound.getValue() == null ? new GateRule(metric.getValue(), null, null, null)
                    : bound.getValue().rule(metric.getValue(), value.getValue());
        }
    }

    private final DeploymentGate gates;
    private final WorkspaceRef workspace;
    private final String deployment;
    private final Runnable onSaved;
    private final Div rows = new Div();
    private final List<RuleRow> rules = new ArrayList<>();
    private final Paragraph problem = new Paragraph();

    /** @param onSaved told once the new rules are stored */
    GateDialog(DeploymentGate gates, WorkspaceRef workspace, String deployment, Runnable onSaved) {
        this.gates = gates;
        this.workspace = workspace;
        this.deployment = deployment;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation("registry.gate.title", deployment));
        addClassName("gate-dialog");
        setWidth("min(640px, 94vw)");

        Paragraph intro = new Paragraph(getTranslation("registry.gate.intro"));
        intro.addClassName("muted");
        rows.addClassName("gate-rules");
        problem.addClassName("gate-problem");
        problem.setId("gate-problem");
        problem.setVisible(false);
        Button add = new Button(getTranslation("registry.gate.add"), VaadinIcon.PLUS.create(),
                e -> addRow(null));
        add.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        add.setId("gate-add");
        add(intro, rows, add, problem);
        gates.get(workspace, deployment).rules().forEach(this::addRow);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        Button save = new Button(getTranslation("registry.gate.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("gate-save");
        getFooter().add(cancel, save);
    }

    private void addRow(GateRule rule) {
        Select<String> metric = new Select<>();
        metric.setItems(MetricDirection.knownMetrics());
        metric.setPlaceholder(getTranslation("registry.gate.metric"));
        metric.setAriaLabel(getTranslation("registry.gate.metric"));
        Select<Bound> bound = new Select<>();
        bound.setItems(Bound.values());
        bound.setItemLabelGenerator(b -> getTranslation(b.key()));
        bound.setAriaLabel(getTranslation("registry.gate.bound"));
        NumberField value = new NumberField();
        value.setAriaLabel(getTranslation("registry.gate.value"));
        value.setWidth("8em");
        if (rule != null) {
            metric.setValue(rule.metric());
            bound.setValue(Bound.of(rule));
            value.setValue(rule.atLeast() != null ? rule.atLeast() : rule.atMost() != null ? rule.atMost()
                    : rule.notWorseThanServed());
        } else {
            bound.setValue(Bound.AT_LEAST);
        }
        Div row = new Div(metric, bound, value);
        row.addClassName("gate-rule");
        RuleRow fields = new RuleRow(row, metric, bound, value);
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            rules.remove(fields);
            rows.remove(row);
        });
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        remove.setAriaLabel(getTranslation("registry.gate.remove"));
        remove.setTooltipText(getTranslation("registry.gate.remove"));
        row.add(remove);
        rules.add(fields);
        rows.add(row);
    }

    private void save() {
        try {
            gates.replace(workspace, deployment, new Gate(rules.stream().map(RuleRow::rule).toList()));
        } catch (ErrorResponseException refused) {
            problem.setText(refused.getBody().getDetail());
            problem.setVisible(true);
            return;
        }
        Toasts.success(getTranslation("registry.gate.saved", deployment));
        close();
        onSaved.run();
    }
}
