package io.easel.studio.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.easel.server.security.MemberView;
import io.easel.server.security.UserService;
import io.easel.server.security.UserView;
import io.easel.server.security.WorkspaceRole;
import io.easel.server.security.WorkspaceService;
import io.easel.server.security.WorkspaceView;
import io.easel.studio.layout.StudioLayout;
import io.easel.studio.layout.Toasts;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.ErrorResponseException;

/**
 * Administration of people and workspaces: create users (with a password and a first workspace role), make them
 * administrators or disable them; create workspaces and decide who is in them with which role.
 */
@Route(value = "admin/users", layout = StudioLayout.class)
@RolesAllowed("ADMIN")
public class UsersView extends Div implements HasDynamicTitle {

    private final UserService users;
    private final WorkspaceService workspaces;
    private final Grid<UserView> userGrid = new Grid<>();
    private final Grid<WorkspaceView> workspaceGrid = new Grid<>();

    public UsersView(UserService users, WorkspaceService workspaces) {
        this.users = users;
        this.workspaces = workspaces;
        addClassName("users-admin");

        Button newUser = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create(), e -> openNewUser());
        newUser.addThemeVariants(ButtonVariant.PRIMARY);
        newUser.setId("new-user");
        Button newWorkspace = new Button(getTranslation("workspaces.new"), VaadinIcon.PLUS.create(),
                e -> openNewWorkspace());
        newWorkspace.setId("new-workspace");
        Div titles = new Div(new H1(getTranslation("users.title")), new Paragraph(getTranslation("users.subtitle")));
        titles.addClassName("page-titles");
        Div actions = new Div(newWorkspace, newUser);
        actions.addClassName("page-actions");
        Div header = new Div(titles, actions);
        header.addClassName("page-header");

        userGrid.addClassName("user-grid");
        userGrid.addThemeVariants(GridVariant.NO_BORDER);
        userGrid.setAllRowsVisible(true);
        userGrid.addColumn(UserView::username).setHeader(getTranslation("users.username")).setAutoWidth(true);
        userGrid.addColumn(UserView::displayName).setHeader(getTranslation("users.display-name")).setFlexGrow(2);
        userGrid.addColumn(u -> u.workspaces().entrySet().stream()
                .map(w -> w.getKey() + ": " + getTranslation("workspace.role." + w.getValue().code()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("users.workspaces")).setFlexGrow(3);
        userGrid.addComponentColumn(u -> toggle(u, u.admin(), "users.admin", checked ->
                new UserService.UserChanges(null, null, checked, null))).setHeader(getTranslation("users.admin"))
                .setAutoWidth(true).setFlexGrow(0);
        userGrid.addComponentColumn(u -> toggle(u, u.enabled(), "users.enabled", checked ->
                new UserService.UserChanges(null, null, null, checked))).setHeader(getTranslation("users.enabled"))
                .setAutoWidth(true).setFlexGrow(0);

        workspaceGrid.addClassName("workspace-grid");
        workspaceGrid.addThemeVariants(GridVariant.NO_BORDER);
        workspaceGrid.setAllRowsVisible(true);
        workspaceGrid.addColumn(WorkspaceView::name).setHeader(getTranslation("workspaces.name")).setFlexGrow(2);
        workspaceGrid.addColumn(WorkspaceView::slug).setHeader(getTranslation("workspaces.slug")).setAutoWidth(true);
        workspaceGrid.addComponentColumn(this::membersButton).setAutoWidth(true).setFlexGrow(0);

        Div usersCard = new Div(userGrid);
        usersCard.addClassName("card");
        Div workspacesCard = new Div(workspaceGrid);
        workspacesCard.addClassName("card");
        add(header, usersCard, new H2(getTranslation("workspaces.title")), workspacesCard);
        refresh();
    }

    private Component toggle(UserView user, boolean value, String label,
            java.util.function.Function<Boolean, UserService.UserChanges> change) {
        Checkbox box = new Checkbox(value);
        box.setAriaLabel(getTranslation(label) + " " + user.username());
        box.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                users.change(user.username(), change.apply(e.getValue()));
                Toasts.success(getTranslation("users.changed", user.username()));
            } catch (ErrorResponseException refused) {
                Toasts.error(refused.getBody().getDetail());
            }
            refresh();
        });
        return box;
    }

    private Component membersButton(WorkspaceView workspace) {
        Button members = new Button(getTranslation("workspaces.members"), VaadinIcon.USERS.create(),
                e -> openMembers(workspace));
        members.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        members.getElement().setAttribute("data-workspace", workspace.slug());
        return members;
    }

    private void refresh() {
        userGrid.setItems(users.list());
        workspaceGrid.setItems(workspaces.visible());
    }

    private Select<WorkspaceRole> roleSelect() {
        Select<WorkspaceRole> role = new Select<>();
        role.setLabel(getTranslation("users.role"));
        role.setItems(WorkspaceRole.values());
        role.setItemLabelGenerator(r -> getTranslation("workspace.role." + r.code()));
        role.setValue(WorkspaceRole.VIEWER);
        return role;
    }

    private Select<WorkspaceView> workspaceSelect() {
        Select<WorkspaceView> workspace = new Select<>();
        workspace.setLabel(getTranslation("users.workspace"));
        workspace.setItems(workspaces.visible());
        workspace.setItemLabelGenerator(WorkspaceView::name);
        workspace.setEmptySelectionAllowed(true);
        workspace.setEmptySelectionCaption(getTranslation("users.no-workspace"));
        return workspace;
    }

    private void openNewUser() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("users.new"));
        dialog.setWidth("480px");
        TextField username = new TextField(getTranslation("users.username"));
        username.setId("user-username");
        TextField displayName = new TextField(getTranslation("users.display-name"));
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("user-password");
        password.setHelperText(getTranslation("users.password.help"));
        Checkbox admin = new Checkbox(getTranslation("users.admin"));
        Select<WorkspaceView> workspace = workspaceSelect();
        workspace.setId("user-workspace");
        Select<WorkspaceRole> role = roleSelect();
        role.setId("user-role");
        Div form = new Div(username, displayName, password, workspace, role, admin);
        form.addClassName("dialog-form");
        dialog.add(form);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        Button create = new Button(getTranslation("action.create"), e -> {
            Map<String, WorkspaceRole> roles = workspace.getValue() == null ? Map.of()
                    : Map.of(workspace.getValue().slug(), role.getValue());
            try {
                users.create(new UserService.NewUser(username.getValue(), displayName.getValue(),
                        password.getValue().isEmpty() ? null : password.getValue(), admin.getValue(), roles));
                dialog.close();
                Toasts.success(getTranslation("users.created", username.getValue()));
                refresh();
            } catch (ErrorResponseException refused) {
                username.setErrorMessage(refused.getBody().getDetail());
                username.setInvalid(true);
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("user-create");
        dialog.getFooter().add(cancel, create);
        dialog.open();
    }

    private void openNewWorkspace() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("workspaces.new"));
        dialog.setWidth("440px");
        TextField name = new TextField(getTranslation("workspaces.name"));
        TextField slug = new TextField(getTranslation("workspaces.slug"));
        slug.setHelperText(getTranslation("workspaces.slug.help"));
        Div form = new Div(name, slug);
        form.addClassName("dialog-form");
        dialog.add(form);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        Button create = new Button(getTranslation("action.create"), e -> {
            try {
                workspaces.create(slug.getValue(), name.getValue());
                dialog.close();
                refresh();
            } catch (ErrorResponseException refused) {
                slug.setErrorMessage(refused.getBody().getDetail());
                slug.setInvalid(true);
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(cancel, create);
        dialog.open();
    }

    private void openMembers(WorkspaceView workspace) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("workspaces.members.title", workspace.name()));
        dialog.setWidth("min(620px, 94vw)");
        Grid<MemberView> members = new Grid<>();
        members.setAllRowsVisible(true);
        members.addColumn(MemberView::username).setHeader(getTranslation("users.username")).setAutoWidth(true);
        members.addColumn(m -> getTranslation("workspace.role." + m.role().code()))
                .setHeader(getTranslation("users.role")).setAutoWidth(true);
        members.addComponentColumn(m -> new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            workspaces.removeMember(workspace.ref(), m.username());
            members.setItems(workspaces.members(workspace.ref()));
        })).setAutoWidth(true).setFlexGrow(0);
        members.setItems(workspaces.members(workspace.ref()));
        Select<UserView> user = new Select<>();
        user.setLabel(getTranslation("users.username"));
        user.setItems(users.list());
        user.setItemLabelGenerator(UserView::username);
        Select<WorkspaceRole> role = roleSelect();
        Button add = new Button(getTranslation("workspaces.members.add"), VaadinIcon.PLUS.create(), e -> {
            if (user.getValue() != null) {
                workspaces.setMember(workspace.ref(), user.getValue().username(), role.getValue());
                members.setItems(workspaces.members(workspace.ref()));
                refresh();
            }
        });
        Div addRow = new Div(user, role, add);
        addRow.addClassName("member-add");
        dialog.add(members, addRow);
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · Easel";
    }
}
