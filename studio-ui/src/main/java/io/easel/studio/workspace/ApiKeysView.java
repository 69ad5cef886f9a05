package io.easel.studio.workspace;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.easel.server.security.ApiKeyService;
import io.easel.server.security.ApiKeyView;
import io.easel.server.security.InvalidSecurityRequestException;
import io.easel.server.security.WorkspaceRole;
import io.easel.server.security.WorkspaceView;
import io.easel.studio.experiments.ExperimentListView;
import io.easel.studio.layout.RelativeTime;
import io.easel.studio.layout.StudioLayout;
import io.easel.studio.layout.Toasts;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;

/**
 * The API keys of the current workspace, for scoring and automation: create one (shown once, to copy), see when each
 * was last used, revoke. For the workspace's analysts (and administrators); viewers are sent back to the experiments.
 */
@Route(value = "api-keys", layout = StudioLayout.class)
@PermitAll
public class ApiKeysView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ApiKeyService keys;
    private final CurrentWorkspace current;
    private final Grid<ApiKeyView> grid = new Grid<>();
    private final H1 title = new H1();
    private WorkspaceView workspace;

    public ApiKeysView(ApiKeyService keys, CurrentWorkspace current) {
        this.keys = keys;
        this.current = current;
        addClassName("api-keys");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        workspace = current.get().filter(w -> w.role().canEdit()).orElse(null);
        if (workspace == null) {
            Toasts.error(getTranslation("keys.not-allowed"));
            event.forwardTo(ExperimentListView.class);
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        title.setText(getTranslation("keys.title", workspace.name()));
        Paragraph subtitle = new Paragraph(getTranslation("keys.subtitle"));
        Button create = new Button(getTranslation("keys.new"), VaadinIcon.PLUS.create(), e -> openNewDialog());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("new-api-key");
        Div titles = new Div(title, subtitle);
        titles.addClassName("page-titles");
        Div actions = new Div(create);
        actions.addClassName("page-actions");
        Div header = new Div(titles, actions);
        header.addClassName("page-header");

        grid.removeAllColumns();
        grid.addClassName("api-key-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER);
        grid.addColumn(ApiKeyView::name).setHeader(getTranslation("keys.name")).setFlexGrow(3);
        grid.addColumn(k -> getTranslation("workspace.role." + k.role().code())).setHeader(getTranslation("keys.role"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ApiKeyView::createdBy).setHeader(getTranslation("keys.created-by")).setAutoWidth(true);
        grid.addColumn(k -> when(k.createdAt())).setHeader(getTranslation("keys.created")).setAutoWidth(true);
        grid.addColumn(k -> k.lastUsedAt() == null ? getTranslation("keys.never") : when(k.lastUsedAt()))
                .setHeader(getTranslation("keys.last-used")).setAutoWidth(true);
        grid.addComponentColumn(this::stateCell).setHeader("").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0);
        Div card = new Div(grid);
        card.addClassName("card");
        card.addClassName("list-card");
        add(header, card);
        refresh();
    }

    private String when(Instant at) {
        return RelativeTime.format(at, Instant.now(), getLocale(),
                (key, argument) -> argument == null ? getTranslation(key) : getTranslation(key, argument));
    }

    private Component stateCell(ApiKeyView key) {
        if (key.revokedAt() != null) {
            Span revoked = new Span(getTranslation("keys.revoked"));
            revoked.addClassName("muted");
            revoked.getElement().setAttribute("data-revoked", "true");
            return revoked;
        }
        Button revoke = new Button(getTranslation("keys.revoke"), VaadinIcon.BAN.create(), e -> confirmRevoke(key));
        revoke.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
        revoke.getElement().setAttribute("data-action", "revoke");
        return revoke;
    }

    private void refresh() {
        grid.setItems(keys.list(workspace.ref()));
    }

    private void openNewDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("keys.new"));
        dialog.setWidth("480px");
        TextField name = new TextField(getTranslation("keys.name"));
        name.setId("api-key-name");
        name.setWidthFull();
        name.setPlaceholder(getTranslation("keys.name.placeholder"));
        Select<WorkspaceRole> role = new Select<>();
        role.setLabel(getTranslation("keys.role"));
        role.setId("api-key-role");
        role.setItems(WorkspaceRole.values());
        role.setItemLabelGenerator(r -> getTranslation("keys.role." + r.code()));
        role.setValue(WorkspaceRole.VIEWER);
        role.setWidthFull();
        dialog.add(name, role);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        Button confirm = new Button(getTranslation("action.create"), e -> {
            try {
                ApiKeyService.NewApiKey created = keys.create(workspace.ref(), name.getValue(), role.getValue());
                dialog.close();
                refresh();
                showOnce(created);
            } catch (InvalidSecurityRequestException problem) {
                name.setErrorMessage(problem.getMessage());
                name.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setId("api-key-create");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        name.focus();
    }

    /** The one time the key is shown. */
    private void showOnce(ApiKeyService.NewApiKey created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("keys.created.title", created.apiKey().name()));
        dialog.setWidth("min(640px, 94vw)");
        Pre key = new Pre(created.key());
        key.setId("api-key-secret");
        key.addClassName("code-block");
        Paragraph warning = new Paragraph(getTranslation("keys.created.once"));
        warning.addClassName("warning-text");
        Paragraph usage = new Paragraph(getTranslation("keys.created.usage"));
        usage.addClassName("muted");
        dialog.add(warning, key, usage);
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.PRIMARY);
        close.setId("api-key-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void confirmRevoke(ApiKeyView key) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("keys.revoke.title", key.name()));
        confirm.setText(getTranslation("keys.revoke.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("keys.revoke"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            keys.revoke(workspace.ref(), key.id());
            Toasts.success(getTranslation("keys.revoke.done", key.name()));
            refresh();
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.api-keys") + " · Easel";
    }
}
