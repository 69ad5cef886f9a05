package io.easel.studio.registry;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import io.easel.server.deployment.DeploymentGate;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.DeploymentView;
import io.easel.server.deployment.Gate;
import io.easel.server.deployment.PredictionLog;
import io.easel.server.deployment.ScoringFigures;
import io.easel.server.deployment.DeploymentNotFoundException;
import io.easel.server.deployment.ScoringService;
import io.easel.server.deployment.MinuteFigures;
import io.easel.server.deployment.ScoringTimeline;
import io.easel.server.deployment.drift.DriftReport;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelView;
import io.easel.server.run.RunService;
import io.easel.studio.canvas.Chart;
import io.easel.studio.canvas.ChartOption;
import io.easel.studio.layout.StudioLayout;
import io.easel.studio.layout.Toasts;
import io.easel.studio.workspace.CurrentWorkspace;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.ErrorResponseException;

/**
 * The workspace's deployments: what each serves and served before, how the traffic is shared while a canary runs, how
 * the served version (and its canary) has scored on this server (requests, errors, p99 latency, each with a small
 * chart of its last hour), each one's evaluation gate, and the scoring example. Analysts change them through one menu
 * per row (Roll back, Canary…, Promote, Abort, Edit gate…, Prediction log…, Undeploy after a confirmation), so that the
 * page fits a 1,600 px window; viewers see them.
 */
@Route(value = "deployments", layout = StudioLayout.class)
@PermitAll
public class DeploymentsView extends RegistryPage {

    private final DeploymentService deployments;
    private final ScoringService scoring;
    private final ModelService models;
    private final RunService runs;
    private static final String NO_FIGURE = "—";

    private final Grid<DeploymentView> grid = new Grid<>();
    private Map<UUID, String> modelNames = Map.of();
    private Map<String, ScoringFigures> figures = Map.of();
    private Map<String, ScoringFigures> canaryFigures = Map.of();
    /** Each deployment's last hour on this server, minute by minute, read once per refresh. */
    private Map<String, ScoringTimeline> timelines = Map.of();
    private static final int LAST_HOUR_MINUTES = 60;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** The served version's input drift per deployment, read once per refresh. */
    private Map<String, DriftReport.VersionDrift> drift = Map.of();
    private final DeploymentGate gate;
    private Map<String, Gate> gates = Map.of();
    private final PredictionLog predictionLog;

    public DeploymentsView(DeploymentService deployments, ScoringService scoring, ModelService models, RunService runs,
            CurrentWorkspace current, DeploymentGate gate, PredictionLog predictionLog) {
        super(current, "deployments");
        this.gate = gate;
        this.predictionLog = predictionLog;
        this.deployments = deployments;
        this.scoring = scoring;
        this.models = models;
        this.runs = runs;
    }

    @Override
    void build() {
        Div header = header();

        grid.removeAllColumns();
        grid.addClassName("deployment-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("registry.deployments.name"))
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(d -> modelNames.getOrDefault(d.modelId(), d.modelId().toString()))
                .setHeader(getTranslation("registry.deployments.model")).setFlexGrow(1);
        grid.addComponentColumn(this::stateCell).setHeader(getTranslation("registry.deployments.state"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> getTranslation("registry.version", d.modelVersion()))
                .setHeader(getTranslation("registry.deployments.version")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.previousVersion() == null ? getTranslation("registry.deployments.no-previous")
                : getTranslation("registry.version", d.previousVersion()))
                .setHeader(getTranslation("registry.deployments.previous")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::traffic).setHeader(getTranslation("registry.deployments.traffic"))
                .setAutoWidth(true).setFlexGrow(0);
        figureColumn(f -> String.format(getLocale(), "%,d", f.requests()), "registry.deployments.requests",
                new LastHour("requests", "registry.deployments.last-hour.requests", MinuteFigures::requestsPerSecond));
        figureColumn(f -> f.errorPercent() == null ? NO_FIGURE : String.format(getLocale(), "%.1f", f.errorPercent()),
                "registry.deployments.errors",
                new LastHour("errors", "registry.deployments.last-hour.errors", MinuteFigures::errorPercent));
        figureColumn(f -> f.p99Millis() == null ? NO_FIGURE : String.format(getLocale(), "%.2f", f.p99Millis()),
                "registry.deployments.p99",
                new LastHour("p99", "registry.deployments.last-hour.p99", MinuteFigures::p99Millis));
        gateColumn();
        grid.addComponentColumn(this::actions).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0);
        Paragraph empty = new Paragraph(getTranslation("registry.deployments.empty"));
        empty.addClassName("muted");
        empty.setId("deployments-empty");
        grid.setEmptyStateComponent(empty);
        Div card = new Div(grid);
        card.addClassName("card");
        add(header, card);
        refresh();
    }

    /**
     * A figure of the last hour, minute by minute, drawn under its column's number.
     *
     * @param figure the chart's {@code data-figure}
     * @param name the message key naming the figure in the chart's tooltip
     */
    private record LastHour(String figure, String name, Function<MinuteFigures, Double> perMinute) {}

    /**
     * A right-aligned number about the served version's scoring, read once per refresh; while a canary runs, the
     * canary's figure follows it ("120 · 35"), to compare the two before promoting or aborting. Under it, a sparkline
     * of the deployment's last hour on this server (every version together); a minute without a value is a gap.
     */
    private void figureColumn(Function<ScoringFigures, String> text, String header, LastHour lastHour) {
        grid.addComponentColumn(d -> {
            String served = text.apply(figures.getOrDefault(d.name(), ScoringFigures.NONE));
            ScoringFigures canary = canaryFigures.get(d.name());
            Div cell = new Div(new Span(canary == null ? served : served + " · " + text.apply(canary)),
                    sparkline(d, lastHour));
            cell.addClassName("deployment-figure-cell");
            cell.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "flex-end");
            return cell;
        }).setHeader(getTranslation(header))
                .setTooltipGenerator(d -> d.canaryVersion() == null ? getTranslation("registry.deployments.figures")
                        : getTranslation("registry.deployments.figures.canary", d.modelVersion(), d.canaryVersion()))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
    }

    /** The gate's rules, shortly; narrow, with the whole text as the tooltip. */
    private void gateColumn() {
        GateWords words = new GateWords(this);
        grid.addColumn(d -> words.gate(gates.getOrDefault(d.name(), Gate.NONE)))
                .setHeader(getTranslation("registry.deployments.gate"))
                .setTooltipGenerator(d -> words.gate(gates.getOrDefault(d.name(), Gate.NONE)))
                .setWidth("110px").setFlexGrow(0);
    }

    private void refresh() {
        modelNames = models.list(workspace.ref()).stream().collect(Collectors.toMap(ModelView::id, ModelView::name));
        List<DeploymentView> listed = deployments.list(workspace.ref());
        figures = listed.stream().collect(Collectors.toMap(DeploymentView::name,
                d -> scoring.figures(workspace.ref(), d)));
        canaryFigures = listed.stream().filter(d -> d.canaryVersion() != null).collect(Collectors.toMap(
                DeploymentView::name, d -> scoring.canaryFigures(workspace.ref(), d).orElse(ScoringFigures.NONE)));
        timelines = new HashMap<>();
        listed.forEach(d -> timeline(d).ifPresent(minutes -> timelines.put(d.name(), minutes)));
        drift = new HashMap<>();
        listed.forEach(d -> servedDrift(d).ifPresent(served -> drift.put(d.name(), served)));
        gates = gate.byDeployment(workspace.ref());
        grid.setItems(listed);
    }

    /** The deployment's last hour; none for a deployment undeployed since the list was read. */
    private Optional<ScoringTimeline> timeline(DeploymentView deployment) {
        try {
            return Optional.of(scoring.timeline(workspace.ref(), deployment.name(), LAST_HOUR_MINUTES));
        } catch (DeploymentNotFoundException gone) {
            return Optional.empty();
        }
    }

    private Chart sparkline(DeploymentView deployment, LastHour lastHour) {
        List<MinuteFigures> minutes = Optional.ofNullable(timelines.get(deployment.name()))
                .map(ScoringTimeline::minutes).orElse(List.of());
        Chart chart = new Chart(ChartOption.sparkline(getTranslation(lastHour.name()),
                minutes.stream().map(minute -> MINUTE.format(minute.minute())).toList(),
                minutes.stream().map(lastHour.perMinute()).toList()));
        chart.setWidth("64px");
        chart.setHeight("20px");
        chart.getStyle().set("min-height", "0"); // the chart element's own minimum (160 px) is for full-size charts
        chart.addClassName("deployment-sparkline");
        chart.getElement().setAttribute("data-figure", lastHour.figure());
        chart.getElement().setAttribute("data-deployment", deployment.name());
        return chart;
    }

    /** The served version's input drift; none for a deployment undeployed since the list was read. */
    private Optional<DriftReport.VersionDrift> servedDrift(DeploymentView deployment) {
        try {
            return Optional.of(scoring.drift(workspace.ref(), deployment.name()).versions().getFirst());
        } catch (DeploymentNotFoundException gone) {
            return Optional.empty();
        }
    }

    private Component nameCell(DeploymentView deployment) {
        Span name = new Span(deployment.name());
        name.addClassName("deployment-name");
        Span path = new Span(deployment.endpointPath());
        path.addClassName("muted");
        Div cell = new Div(name, path);
        cell.addClassName("deployment-name-cell");
        cell.getElement().setAttribute("data-deployment", deployment.name());
        return cell;
    }

    /**
     * Every listed deployment serves: an undeployed one is gone from the list (and its endpoint answers 404). When the
     * served version's inputs drifted from its training data, a second badge says how many features, naming them in
     * its tooltip.
     */
    private Component stateCell(DeploymentView deployment) {
        Span state = new Span(getTranslation("registry.state.serving"));
        state.addClassName("state-badge");
        state.getElement().setAttribute("data-state", "serving");
        DriftReport.VersionDrift served = drift.get(deployment.name());
        if (served == null || served.status() != DriftReport.Status.DRIFTED) {
            return state;
        }
        Span drifted = new Span(getTranslation("registry.deployments.drift", served.flaggedFeatures()));
        drifted.addClassName("state-badge");
        drifted.getElement().setAttribute("data-state", "drifted");
        drifted.setTitle(getTranslation("registry.deployments.drift.tooltip", served.recordsInWindow(),
                served.features().stream().filter(DriftReport.FeatureDrift::flagged)
                        .map(f -> String.format(getLocale(), "%s (PSI %.2f)", f.name(), f.psi()))
                        .collect(Collectors.joining(", "))));
        Div cell = new Div(state, drifted);
        cell.addClassName("deployment-state-cell");
        return cell;
    }

    /** "v3 100%", or with a canary "v3 70% · v4 30%". */
    private String traffic(DeploymentView deployment) {
        String served = getTranslation("registry.deployments.share", deployment.modelVersion(),
                deployment.servedPercent());
        return deployment.canaryVersion() == null ? served : served + " · " + getTranslation(
                "registry.deployments.share", deployment.canaryVersion(), deployment.canaryPercent());
    }

    /**
     * The scoring example, and for editors one menu with every change (so the row stays narrow): Roll back, Canary…,
     * Promote, Abort, Edit gate…, Prediction log… and Undeploy; an item that cannot apply now (nothing to roll back, no
     * canary) is disabled.
     */
    private Component actions(DeploymentView deployment) {
        Button example = button(deployment, "example", VaadinIcon.CODE, "registry.deployments.example");
        example.addClickListener(e -> showExample(deployment));
        Div actions = new Div(example);
        actions.addClassName("row-actions");
        if (workspace.role().canEdit()) {
            // The menu opens on click: the button itself does nothing else.
            Button menuButton = button(deployment, "actions", VaadinIcon.ELLIPSIS_DOTS_H,
                    "registry.deployments.actions");
            ContextMenu menu = new ContextMenu(menuButton);
            menu.setOpenOnClick(true);
            boolean canary = deployment.canaryVersion() != null;
            MenuItem rollBack = item(menu, deployment, "rollback", deployment.previousVersion() == null
                    ? getTranslation("registry.deployments.rollback")
                    : getTranslation("registry.deployments.rollback.to", deployment.previousVersion()),
                    () -> rollBack(deployment));
            rollBack.setEnabled(deployment.previousVersion() != null);
            item(menu, deployment, "canary", getTranslation("registry.canary.open"), () -> openCanary(deployment))
                    .setEnabled(!canary);
            item(menu, deployment, "promote", canary
                    ? getTranslation("registry.canary.promote.to", deployment.canaryVersion())
                    : getTranslation("registry.canary.promote"), () -> promote(deployment)).setEnabled(canary);
            item(menu, deployment, "abort", canary
                    ? getTranslation("registry.canary.abort.to", deployment.modelVersion())
                    : getTranslation("registry.canary.abort"), () -> abort(deployment)).setEnabled(canary);
            item(menu, deployment, "gate", getTranslation("registry.gate.edit"),
                    () -> new GateDialog(gate, workspace.ref(), deployment.name(), this::refresh).open());
            item(menu, deployment, "prediction-log", getTranslation("registry.prediction-log.open"),
                    () -> new PredictionLogDialog(predictionLog, workspace.ref(), deployment.name(), this::refresh)
                            .open());
            menu.addSeparator();
            item(menu, deployment, "undeploy", getTranslation("registry.deployments.undeploy"),
                    () -> confirmUndeploy(deployment));
            actions.add(menuButton, menu);
        }
        return actions;
    }

    private static MenuItem item(ContextMenu menu, DeploymentView deployment, String action, String text,
            Runnable click) {
        MenuItem item = menu.addItem(text, e -> click.run());
        item.getElement().setAttribute("data-action", action);
        item.getElement().setAttribute("data-deployment", deployment.name());
        return item;
    }

    private void openCanary(DeploymentView deployment) {
        new CanaryDialog(deployments, workspace.ref(), deployment, models.get(deployment.modelId()),
                started -> refresh()).open();
    }

    private void promote(DeploymentView deployment) {
        change(() -> {
            DeploymentView promoted = deployments.promoteCanary(workspace.ref(), deployment.name());
            Toasts.success(getTranslation("registry.canary.promoted", promoted.name(), promoted.modelVersion()));
        });
    }

    private void abort(DeploymentView deployment) {
        change(() -> {
            DeploymentView aborted = deployments.abortCanary(workspace.ref(), deployment.name());
            Toasts.success(getTranslation("registry.canary.aborted", aborted.name(), aborted.modelVersion()));
        });
    }

    /** Makes a change, says why it failed if it did, and shows the deployments as they are now either way. */
    private void change(Runnable change) {
        try {
            change.run();
        } catch (ErrorResponseException problem) {
            Toasts.error(getTranslation("registry.deployments.failed", problem.getBody().getDetail()));
        }
        refresh();
    }

    private Button button(DeploymentView deployment, String action, VaadinIcon icon, String text) {
        Button button = new Button(getTranslation(text), icon.create());
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        button.getElement().setAttribute("data-action", action);
        button.getElement().setAttribute("data-deployment", deployment.name());
        return button;
    }

    private void rollBack(DeploymentView deployment) {
        change(() -> {
            DeploymentView rolledBack = deployments.rollBack(workspace.ref(), deployment.name());
            Toasts.success(getTranslation("registry.deployments.rollback.done", rolledBack.name(),
                    rolledBack.modelVersion()));
        });
    }

    private void confirmUndeploy(DeploymentView deployment) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("registry.deployments.undeploy.title", deployment.name()));
        confirm.setText(getTranslation("registry.deployments.undeploy.text", deployment.endpointPath()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("registry.deployments.undeploy"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> change(() -> {
            deployments.delete(workspace.ref(), deployment.name());
            Toasts.success(getTranslation("registry.deployments.undeploy.done", deployment.name()));
        }));
        confirm.open();
    }

    private void showExample(DeploymentView deployment) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("registry.deployments.example.title", deployment.name()));
        dialog.addClassName("deploy-dialog");
        dialog.setWidth("min(760px, 94vw)");
        var version = models.version(deployment.modelId(), deployment.modelVersion());
        dialog.add(new DeploymentDetails(new DeploymentDetails.Shown(deployment, RunSampleRows.of(runs, version),
                deployment.inputNode()), scoring, workspace.ref()));
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.PRIMARY);
        close.setId("deploy-close");
        dialog.getFooter().add(close);
        dialog.open();
    }
}
