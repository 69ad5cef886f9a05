package io.easel.studio.registry;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import io.easel.run.ParityReport;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.ScoringService;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import io.easel.server.model.ModelView;
import io.easel.server.run.RunService;
import io.easel.studio.layout.BackgroundWork;
import io.easel.studio.layout.RelativeTime;
import io.easel.studio.layout.StudioLayout;
import io.easel.studio.layout.Toasts;
import io.easel.studio.workspace.CurrentWorkspace;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every model of the workspace with the versions its runs exported: when, from which run and node, with which
 * metrics, whether its PMML agreed with Spark at export, and a Deploy button per version (for analysts).
 */
@Route(value = "models", layout = StudioLayout.class)
@PermitAll
public class ModelsView extends RegistryPage {

    /** Metrics shown per version: the first few numbers the run reported (the rest are in the run's results). */
    private static final int METRICS_SHOWN = 4;

    private final ModelService models;
    private final RunService runs;
    private final DeployDialog.Services services;

    public ModelsView(ModelService models, RunService runs, DeploymentService deployments, ScoringService scoring,
            CurrentWorkspace current, BackgroundWork work) {
        super(current, "models");
        this.models = models;
        this.runs = runs;
        this.services = new DeployDialog.Services(deployments, scoring, work);
    }

    @Override
    void build() {
        Div header = header();
        add(header);
        List<ModelView> all = models.list(workspace.ref()).stream()
                .sorted(Comparator.comparing(ModelView::name, String.CASE_INSENSITIVE_ORDER)).toList();
        if (all.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("registry.models.empty"));
            empty.addClassName("muted");
            empty.setId("models-empty");
            add(empty);
        }
        for (ModelView model : all) {
            add(card(model));
        }
    }

    private Component card(ModelView model) {
        H2 name = new H2(model.name());
        name.addClassName("model-name");
        // By path, not by the editor's class: the editor opens this package's deploy dialog.
        Anchor experiment = new Anchor("experiments/" + model.experimentId(),
                getTranslation("registry.models.experiment"));
        experiment.getElement().setAttribute("router-link", true);
        Div heading = new Div(name, experiment);
        heading.addClassName("model-heading");

        Grid<ModelVersionView> versions = new Grid<>();
        versions.addClassName("model-versions");
        versions.addThemeVariants(GridVariant.NO_BORDER, GridVariant.LUMO_COMPACT);
        versions.setAllRowsVisible(true);
        versions.addColumn(v -> getTranslation("registry.version", v.version()))
                .setHeader(getTranslation("registry.models.version")).setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> when(v.createdAt())).setHeader(getTranslation("registry.models.created"))
                .setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> getTranslation("registry.models.run-node", shortId(v), v.nodeId()))
                .setHeader(getTranslation("registry.models.source")).setAutoWidth(true);
        versions.addColumn(this::metrics).setHeader(getTranslation("registry.models.metrics")).setFlexGrow(1);
        versions.addComponentColumn(this::parity).setHeader(getTranslation("registry.models.parity"))
                .setFlexGrow(1);
        versions.addComponentColumn(v -> deployButton(model, v)).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        versions.setItems(model.versions().stream()
                .sorted(Comparator.comparingInt(ModelVersionView::version).reversed()).toList());

        Div card = new Div(heading, versions);
        card.addClassName("card");
        card.addClassName("model-card");
        card.getElement().setAttribute("data-model-id", model.id().toString());
        return card;
    }

    private Component deployButton(ModelView model, ModelVersionView version) {
        Button deploy = new Button(getTranslation("registry.deploy"), VaadinIcon.ROCKET.create(),
                e -> new DeployDialog(services, workspace.ref(),
                        new DeployDialog.Choice(model, version.version(), v -> RunSampleRows.of(runs, v), id -> id),
                        deployed -> Toasts.success(getTranslation("registry.deploy.done", deployed.name(),
                                deployed.modelVersion()))).open());
        deploy.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
        deploy.getElement().setAttribute("data-action", "deploy");
        deploy.getElement().setAttribute("data-model", model.name());
        deploy.getElement().setAttribute("data-version", Integer.toString(version.version()));
        deploy.setVisible(workspace.role().canEdit());
        return deploy;
    }

    /** The numbers among a version's metrics (facts such as notes on its inputs are left out), rounded. */
    private String metrics(ModelVersionView version) {
        if (version.metrics() == null) {
            return "";
        }
        Locale locale = getLocale();
        return version.metrics().entrySet().stream().filter(e -> e.getValue() instanceof Number)
                .limit(METRICS_SHOWN)
                .map(e -> e.getKey() + " " + number(((Number) e.getValue()).doubleValue(), locale))
                .collect(Collectors.joining(" · "));
    }

    /**
     * One line on whether the version's PMML predicted what Spark predicted at export; a flagged version's in red,
     * since deploying it would score differently from the experiment.
     */
    /** Why parity was not checked, in the reader's language; a failure's own words are technical and kept. */
    private String notChecked(ParityReport parity) {
        ParityReport.Unchecked because = parity.uncheckedBecause();
        return because == null ? getTranslation("registry.models.parity.not-checked", parity.notChecked())
                : getTranslation(uncheckedKey(because), parity.notChecked());
    }

    static String uncheckedKey(ParityReport.Unchecked because) {
        return "registry.models.parity.not-checked." + because.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Component parity(ModelVersionView version) {
        ParityReport parity = version.parity();
        Span line = new Span(parity == null ? getTranslation("registry.models.parity.unknown")
                : !parity.checked() ? notChecked(parity)
                : parity.flagged() ? getTranslation("registry.models.parity.flagged", parity.rowsCompared(),
                        parity.labelMismatches(), ParityReport.formatDifference(parity.maxDifference()))
                : getTranslation("registry.models.parity.agrees", parity.rowsCompared(),
                        ParityReport.formatDifference(parity.maxDifference())));
        line.addClassName("model-parity");
        if (version.flagged()) {
            line.addClassName("model-parity-flagged");
        }
        line.getElement().setAttribute("data-flagged", Boolean.toString(version.flagged()));
        return line;
    }

    /** Counts as they are (20 trees), measures to four significant digits (0.7912). */
    private static String number(double value, Locale locale) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(locale, "%d", (long) value)
                : String.format(locale, "%.4g", value);
    }

    private static String shortId(ModelVersionView version) {
        return version.runId().toString().substring(0, 8);
    }

    private String when(Instant at) {
        return RelativeTime.format(at, Instant.now(), getLocale(),
                (key, argument) -> argument == null ? getTranslation(key) : getTranslation(key, argument));
    }
}
