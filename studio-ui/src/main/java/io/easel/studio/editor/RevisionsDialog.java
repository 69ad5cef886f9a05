package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.easel.server.experiment.RevisionSummary;
import io.easel.studio.layout.RelativeTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The experiment's revisions, newest first: open one read-only, restore one, compare one with the latest, or
 * compare any two selected.
 */
class RevisionsDialog extends Dialog {

    /** What the editor does for each choice; the dialog closes first. */
    interface Actions {
        void open(int number);

        void restore(int number);

        void compare(int from, int to);
    }

    private final Grid<RevisionSummary> grid = new Grid<>();

    RevisionsDialog(String experimentName, List<RevisionSummary> revisions, boolean canEdit, Actions actions) {
        setId("revisions-dialog");
        setHeaderTitle(getTranslation("revisions.title", experimentName));
        setWidth("760px");
        int latest = revisions.isEmpty() ? 0 : revisions.getFirst().number();

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(RevisionSummary::number).setHeader(getTranslation("revisions.number")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(RevisionSummary::author).setHeader(getTranslation("revisions.author")).setAutoWidth(true);
        grid.addColumn(r -> RelativeTime.format(r.savedAt(), Instant.now(), getLocale(),
                (key, argument) -> argument == null ? getTranslation(key) : getTranslation(key, argument)))
                .setHeader(getTranslation("revisions.saved")).setAutoWidth(true);
        grid.addColumn(this::note).setHeader(getTranslation("revisions.message")).setFlexGrow(2);
        grid.addComponentColumn(r -> rowActions(r, latest, canEdit, actions)).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(revisions);
        grid.setHeight("360px");
        grid.setPartNameGenerator(r -> "revision-row");
        add(grid);

        Span hint = new Span(getTranslation("revisions.pick-two"));
        hint.addClassName("muted");
        Button compareSelected = new Button(getTranslation("revisions.compare-selected"), e -> {
            List<RevisionSummary> picked = new ArrayList<>(grid.getSelectedItems());
            picked.sort(Comparator.comparingInt(RevisionSummary::number));
            close();
            actions.compare(picked.get(0).number(), picked.get(1).number());
        });
        compareSelected.setId("compare-selected");
        compareSelected.setEnabled(false);
        grid.addSelectionListener(e -> compareSelected.setEnabled(e.getAllSelectedItems().size() == 2));
        Button closeButton = new Button(getTranslation("action.close"), e -> close());
        closeButton.addThemeVariants(ButtonVariant.TERTIARY);
        getFooter().add(hint, compareSelected, closeButton);
    }

    private String note(RevisionSummary revision) {
        List<String> parts = new ArrayList<>();
        if (revision.message() != null) {
            parts.add(revision.message());
        }
        if (revision.restoredFrom() != null) {
            parts.add(getTranslation("revisions.restored-from", revision.restoredFrom()));
        }
        if (revision.autosave()) {
            parts.add(getTranslation("revisions.autosave"));
        }
        return String.join(" · ", parts);
    }

    private Component rowActions(RevisionSummary revision, int latest, boolean canEdit, Actions actions) {
        int number = revision.number();
        Button open = RowAction.of(this, VaadinIcon.EYE, "revisions.open", "open-revision", () -> actions.open(number));
        Button compare = RowAction.of(this, VaadinIcon.SPLIT, "revisions.compare", "compare-revision",
                () -> actions.compare(number, latest));
        Button restore = RowAction.of(this, VaadinIcon.ARROW_BACKWARD, "revisions.restore", "restore-revision",
                () -> actions.restore(number));
        compare.setVisible(number != latest);
        restore.setVisible(canEdit && number != latest);
        Div buttons = new Div(open, compare, restore);
        buttons.addClassName("row-actions");
        buttons.getElement().setAttribute("data-revision", Integer.toString(number));
        return buttons;
    }
}
