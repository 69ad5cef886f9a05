package io.easel.studio.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditEntry;
import io.easel.server.audit.AuditLog;
import io.easel.server.security.Access;
import io.easel.server.security.WorkspaceRef;
import io.easel.studio.layout.RelativeTime;
import io.easel.studio.layout.StudioLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The audit log for administrators: the latest sign-ins, failed sign-ins and security-relevant changes. */
@Route(value = "admin/audit", layout = StudioLayout.class)
@RolesAllowed("ADMIN")
public class AuditLogView extends Div implements HasDynamicTitle {

    private static final int SHOWN = 300;

    private final AuditLog audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Select<AuditAction> action = new Select<>();
    private final Map<UUID, String> workspaceNames;

    public AuditLogView(AuditLog audit, Access access) {
        this.audit = audit;
        access.requireAdmin();
        this.workspaceNames = access.workspaces().stream()
                .collect(Collectors.toMap(WorkspaceRef::id, WorkspaceRef::slug));
        addClassName("audit-log");

        action.setId("audit-action");
        action.setItems(AuditAction.values());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("audit.all"));
        action.setItemLabelGenerator(a -> a == null ? getTranslation("audit.all") : a.code());
        action.setLabel(getTranslation("audit.action"));
        action.addValueChangeListener(e -> refresh());

        Div titles = new Div(new H1(getTranslation("audit.title")), new Paragraph(getTranslation("audit.subtitle")));
        titles.addClassName("page-titles");
        Div actions = new Div(action);
        actions.addClassName("page-actions");
        Div header = new Div(titles, actions);
        header.addClassName("page-header");

        grid.addClassName("audit-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER);
        column(e -> RelativeTime.absolute(e.at(), getLocale()), "audit.at").setWidth("190px").setFlexGrow(0);
        column(AuditEntry::actor, "audit.actor").setAutoWidth(true);
        column(e -> e.action().code(), "audit.action").setAutoWidth(true);
        column(e -> e.workspaceId() == null ? "" : workspaceNames.getOrDefault(e.workspaceId(),
                e.workspaceId().toString()), "audit.workspace").setAutoWidth(true);
        column(AuditEntry::target, "audit.target").setFlexGrow(2);
        column(AuditEntry::detail, "audit.detail").setFlexGrow(3);
        column(AuditEntry::remoteAddress, "audit.remote").setAutoWidth(true);
        grid.setPartNameGenerator(e -> "audit-" + e.action().code());

        Div card = new Div(grid);
        card.addClassName("card");
        card.addClassName("list-card");
        add(header, card);
        refresh();
    }

    private Grid.Column<AuditEntry> column(Function<AuditEntry, String> value, String header) {
        return grid.addColumn(e -> value.apply(e) == null ? "" : value.apply(e))
                .setHeader(getTranslation(header)).setResizable(true);
    }

    private void refresh() {
        grid.setItems(audit.recent(action.getValue(), null, SHOWN));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · Easel";
    }
}
