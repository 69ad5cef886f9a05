package io.easel.studio.experiments;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.easel.graph.ExperimentGraph;
import io.easel.run.RunState;
import io.easel.server.experiment.ExperimentEdit;
import io.easel.server.experiment.ExperimentNotFoundException;
import io.easel.server.experiment.ExperimentQuery;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentSummary;
import io.easel.server.experiment.ExperimentTemplate;
import io.easel.server.experiment.ExperimentTemplates;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.experiment.InvalidExperimentException;
import io.easel.server.experiment.SaveKind;
import io.easel.server.experiment.StaleExperimentException;
import io.easel.server.run.RunService;
import io.easel.server.security.WorkspaceView;
import io.easel.studio.workspace.CurrentWorkspace;
import jakarta.annotation.security.PermitAll;
import io.easel.studio.editor.ExperimentEditorView;
import io.easel.studio.layout.RelativeTime;
import io.easel.studio.layout.StateBadge;
import io.easel.studio.layout.StudioLayout;
import io.easel.studio.layout.Toasts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The start screen: the saved experiments of the current workspace (or its trash), searched by name, description and
 * tags and sorted on the server in one query, with New, Import, Open, Details, Export, Clone and Delete (the changes
 * for the workspace's analysts only); in the trash, Restore and Purge.
 */
@Route(value = "", layout = StudioLayout.class)
@PermitAll
public class ExperimentListView extends Div implements LocaleChangeObserver, HasDynamicTitle {

    /** One grid line: the saved experiment plus the state of its latest run. */
    record Row(ExperimentSummary experiment, RunState lastRun) {}

    private final ExperimentService experiments;
    private final ExperimentTemplates templates;
    private final RunService runs;
    private final Optional<WorkspaceView> workspace;
    private final TemplateGallery gallery;

    private final H1 title = new H1();
    private final Paragraph subtitle = new Paragraph();
    private final Button create = new Button();
    private final TextField search = new TextField();
    private final Select<ExperimentQuery.Sort> sort = new Select<>();
    private final Tab inUse = new Tab();
    private final Tab trash = new Tab();
    private final Tabs scope = new Tabs(inUse, trash);
    private final Div importSlot = new Div();
    private final Grid<Row> grid = new Grid<>();
    private final Div empty = new Div();
    private List<Row> rows = List.of();
    private boolean rowsOfTrash;
    private boolean galleryFolded;
    private Locale renderedIn;

    public ExperimentListView(ExperimentService experiments, ExperimentTemplates templates, RunService runs,
            CurrentWorkspace current) {
        this.experiments = experiments;
        this.templates = templates;
        this.runs = runs;
        this.workspace = current.get();
        this.gallery = new TemplateGallery(templates.list(), this::useTemplate);
        gallery.setVisible(canEdit());
        addClassName("experiment-list");
        create.setVisible(canEdit());

        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("new-experiment");
        create.addClickListener(e -> openNewDialog());

        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.addClassName("list-search");
        search.setId("experiment-search");
        sort.setItems(ExperimentQuery.Sort.values());
        sort.setValue(ExperimentQuery.Sort.MODIFIED);
        sort.setItemLabelGenerator(s -> getTranslation("list.sort." + s.name().toLowerCase(Locale.ROOT)));
        sort.addValueChangeListener(e -> refresh());
        sort.setId("experiment-sort");
        inUse.setId("experiments-in-use");
        trash.setId("experiments-trash");
        scope.addSelectedChangeListener(e -> {
            buildColumns();
            refresh();
        });
        importSlot.setVisible(canEdit());

        Div titles = new Div(title, subtitle);
        titles.addClassName("page-titles");
        Div toolbar = new Div(search, sort, importSlot, create);
        toolbar.addClassName("page-actions");
        Div pageHeader = new Div(titles, toolbar);
        pageHeader.addClassName("page-header");

        grid.addClassName("experiment-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER);
        grid.setAllRowsVisible(false);
        grid.addItemDoubleClickListener(e -> open(e.getItem().experiment().id()));
        grid.setPartNameGenerator(row -> "experiment-row");

        empty.addClassName("empty-state");

        Div card = new Div(scope, grid, empty);
        card.addClassName("card");
        card.addClassName("list-card");
        add(pageHeader, gallery, card);

        renderedIn = getLocale();
        buildColumns();
        relabel();
        refresh();
    }

    private boolean showingTrash() {
        return scope.getSelectedTab() == trash;
    }

    private void buildColumns() {
        grid.removeAllColumns();
        grid.addComponentColumn(this::nameCell).setKey("name").setHeader(getTranslation("experiment.name"))
                .setFlexGrow(3);
        grid.addColumn(r -> r.experiment().description() == null ? "" : r.experiment().description())
                .setKey("description").setHeader(getTranslation("experiment.description")).setFlexGrow(4);
        grid.addComponentColumn(this::tagsCell).setKey("tags").setHeader(getTranslation("list.tags"))
                .setFlexGrow(2);
        grid.addColumn(r -> r.experiment().owner() == null ? "—" : r.experiment().owner()).setKey("owner")
                .setHeader(getTranslation("list.owner")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.experiment().nodeCount()).setKey("nodes").setHeader(getTranslation("list.nodes"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::modifiedCell).setKey("updated").setHeader(getTranslation(showingTrash()
                ? "list.deleted" : "list.modified")).setWidth("170px").setFlexGrow(0);
        grid.addComponentColumn(r -> {
            StateBadge badge = new StateBadge();
            badge.show(r.lastRun());
            return badge;
        }).setKey("lastRun").setHeader(getTranslation("list.last-run")).setWidth("140px").setFlexGrow(0);
        grid.addComponentColumn(this::actionsCell).setKey("actions").setHeader("")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
    }

    private Component nameCell(Row row) {
        Span name = new Span(row.experiment().name());
        name.addClassName("experiment-name");
        name.getElement().setAttribute("data-experiment-id", row.experiment().id().toString());
        name.addClickListener(e -> open(row.experiment().id()));
        return name;
    }

    private Component tagsCell(Row row) {
        Div tags = new Div();
        tags.addClassName("tag-list");
        row.experiment().tags().forEach(tag -> {
            Span badge = new Span(tag);
            badge.getElement().getThemeList().add("badge contrast small");
            badge.addClassName("experiment-tag");
            tags.add(badge);
        });
        return tags;
    }

    private Component modifiedCell(Row row) {
        Instant updated = showingTrash() ? row.experiment().deletedAt() : row.experiment().updatedAt();
        Span text = new Span(RelativeTime.format(updated, Instant.now(), getLocale(), this::translate));
        text.getElement().setAttribute("title", RelativeTime.absolute(updated, getLocale()));
        text.addClassName("muted");
        return text;
    }

    private boolean canEdit() {
        return workspace.map(w -> w.role().canEdit()).orElse(false);
    }

    private Component actionsCell(Row row) {
        Div actions = new Div();
        if (showingTrash()) {
            Button restore = iconButton(VaadinIcon.ARROW_BACKWARD, "list.restore", "restore", () -> restore(row));
            Button purge = iconButton(VaadinIcon.CLOSE_CIRCLE, "list.purge", "purge", () -> confirmPurge(row));
            purge.addThemeVariants(ButtonVariant.ERROR);
            restore.setVisible(canEdit());
            purge.setVisible(canEdit());
            actions.add(restore, purge);
        } else {
            Button open = iconButton(VaadinIcon.EDIT, "action.open", "open", () -> open(row.experiment().id()));
            Button details = iconButton(VaadinIcon.TAGS, "list.details", "details", () -> editDetails(row));
            Button clone = iconButton(VaadinIcon.COPY_O, "action.clone", "clone", () -> openCloneDialog(row));
            Button delete = iconButton(VaadinIcon.TRASH, "action.delete", "delete", () -> confirmDelete(row));
            delete.addThemeVariants(ButtonVariant.ERROR);
            details.setVisible(canEdit());
            clone.setVisible(canEdit());
            delete.setVisible(canEdit());
            actions.add(open, details, ExperimentFileDownload.button(experiments, row.experiment().id(),
                    getTranslation("action.export")), clone, delete);
        }
        actions.addClassName("row-actions");
        actions.getElement().setAttribute("data-actions-of", row.experiment().id().toString());
        return actions;
    }

    private Button iconButton(VaadinIcon icon, String key, String action, Runnable onClick) {
        Button button = new Button(icon.create(), e -> onClick.run());
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        button.setTooltipText(getTranslation(key));
        button.setAriaLabel(getTranslation(key));
        button.getElement().setAttribute("data-action", action);
        return button;
    }

    /** Two queries whatever the length: the experiments, then the state of each one's latest run. */
    private void refresh() {
        ExperimentQuery query = new ExperimentQuery(search.getValue(), sort.getValue(), showingTrash());
        List<ExperimentSummary> found = workspace.map(w -> experiments.list(w.ref(), query)).orElse(List.of());
        Map<UUID, RunState> lastRuns = runs.latestStates(found.stream().map(ExperimentSummary::id).toList());
        List<Row> fresh = found.stream().map(e -> new Row(e, lastRuns.get(e.id()))).toList();
        // The same rows again (a search typed on, then settled) keep their buttons: a click on one stays valid.
        if (!fresh.equals(rows) || query.trash() != rowsOfTrash) {
            rows = fresh;
            rowsOfTrash = query.trash();
            grid.setItems(rows);
        }
        boolean none = rows.isEmpty() && query.search().isEmpty() && !query.trash();
        grid.setVisible(!none);
        empty.setVisible(none);
        if (!galleryFolded && !rows.isEmpty() && !query.trash()) {
            // A workspace with experiments of its own starts with the samples folded away, once.
            galleryFolded = true;
            gallery.setOpened(false);
        }
    }

    /** Makes an experiment from the template, named by its title in the UI's language, and opens it. */
    private void useTemplate(ExperimentTemplate template) {
        try {
            ExperimentView created = templates.instantiate(workspace.orElseThrow().ref(), template.id(),
                    template.title().in(getLocale()));
            open(created.id());
        } catch (InvalidExperimentException e) {
            Toasts.error(e.getMessage());
        }
    }

    private void open(UUID id) {
        getUI().ifPresent(ui -> ui.navigate(ExperimentEditorView.class, new RouteParameters("id", id.toString())));
    }

    private void openNewDialog() {
        new ExperimentNameDialog(getTranslation("list.new.title"), getTranslation("action.create"), "", true,
                (name, description) -> {
                    try {
                        ExperimentView created = experiments.create(workspace.orElseThrow().ref(), name,
                                description, ExperimentGraph.empty());
                        open(created.id());
                        return Optional.empty();
                    } catch (InvalidExperimentException e) {
                        return Optional.of(e.getMessage());
                    }
                }).open();
    }

    private void openCloneDialog(Row row) {
        String suggested = getTranslation("list.clone.default-name", row.experiment().name());
        new ExperimentNameDialog(getTranslation("list.clone.title", row.experiment().name()),
                getTranslation("action.clone"), suggested, false, (name, description) -> {
                    try {
                        ExperimentView copy = experiments.copy(row.experiment().id(), name);
                        open(copy.id());
                        Toasts.success(getTranslation("list.clone.done", copy.name()));
                        return Optional.empty();
                    } catch (InvalidExperimentException e) {
                        return Optional.of(e.getMessage());
                    } catch (ExperimentNotFoundException e) {
                        refresh();
                        Toasts.error(getTranslation("list.gone", row.experiment().name()));
                        return Optional.empty();
                    }
                }).open();
    }

    private void confirmDelete(Row row) {
        confirm(getTranslation("list.delete.title", row.experiment().name()), getTranslation("list.delete.text"),
                getTranslation("action.delete"), () -> {
                    experiments.delete(row.experiment().id());
                    Toasts.success(getTranslation("list.delete.done", row.experiment().name()));
                });
    }

    /**
     * Asks before something that takes an experiment away, then refreshes; an experiment someone else took away
     * first is the outcome the user wanted.
     */
    private void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(confirmText);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                action.run();
            } catch (ExperimentNotFoundException gone) {
                // Deleted, purged or restored by someone else meanwhile.
            }
            refresh();
        });
        confirm.open();
    }

    private void restore(Row row) {
        try {
            experiments.restoreFromTrash(row.experiment().id());
            Toasts.success(getTranslation("list.restore.done", row.experiment().name()));
        } catch (ExperimentNotFoundException gone) {
            Toasts.error(getTranslation("list.gone", row.experiment().name()));
        }
        refresh();
    }

    private void confirmPurge(Row row) {
        confirm(getTranslation("list.purge.title", row.experiment().name()), getTranslation("list.purge.text"),
                getTranslation("list.purge"), () -> experiments.purge(row.experiment().id()));
    }

    private void editDetails(Row row) {
        ExperimentSummary experiment = row.experiment();
        new ExperimentDetailsDialog(experiment.name(), experiment.description(), experiment.tags(),
                (description, tags) -> {
                    try {
                        experiments.save(experiment.id(), experiment.version(),
                                new ExperimentEdit(null, description, tags, null, null, SaveKind.SAVE));
                        refresh();
                        return Optional.empty();
                    } catch (InvalidExperimentException e) {
                        return Optional.of(e.getMessage());
                    } catch (StaleExperimentException e) {
                        refresh();
                        return Optional.of(getTranslation("list.details.stale"));
                    }
                }).open();
    }

    private String translate(String key, Object argument) {
        return argument == null ? getTranslation(key) : getTranslation(key, argument);
    }

    private void relabel() {
        title.setText(workspace.map(w -> getTranslation("list.title.in", w.name()))
                .orElseGet(() -> getTranslation("list.title")));
        subtitle.setText(getTranslation("list.subtitle"));
        create.setText(getTranslation("list.new"));
        search.setPlaceholder(getTranslation("list.search"));
        sort.setLabel(null);
        sort.setTooltipText(getTranslation("list.sort"));
        sort.setItemLabelGenerator(s -> getTranslation("list.sort." + s.name().toLowerCase(Locale.ROOT)));
        inUse.setLabel(getTranslation("list.in-use"));
        trash.setLabel(getTranslation("list.trash"));
        gallery.render(getLocale());
        importSlot.removeAll();
        importSlot.add(new ImportButton(experiments, workspace, this::open));
        empty.removeAll();
        Div icon = new Div();
        icon.addClassName("empty-illustration");
        Span heading = new Span(getTranslation("list.empty.title"));
        heading.addClassName("empty-title");
        Paragraph text = new Paragraph(getTranslation(workspace.isEmpty() ? "list.no-workspace"
                : canEdit() ? "list.empty.text" : "list.empty.viewer"));
        Button first = new Button(getTranslation("list.new"), VaadinIcon.PLUS.create(), e -> openNewDialog());
        first.addThemeVariants(ButtonVariant.PRIMARY);
        first.setVisible(canEdit());
        empty.add(icon, heading, text, first);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (event.getLocale().equals(renderedIn)) {
            return; // the call after navigation, in the language the view was built in
        }
        renderedIn = event.getLocale();
        relabel();
        buildColumns();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("list.title") + " · Easel";
    }
}
