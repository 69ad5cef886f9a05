package io.easel.studio.layout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.easel.studio.admin.AuditLogView;
import io.easel.studio.admin.UsersView;
import io.easel.studio.experiments.ExperimentListView;
import io.easel.studio.i18n.LanguageSwitch;
import io.easel.studio.registry.DeploymentsView;
import io.easel.studio.registry.ModelsView;
import io.easel.studio.workspace.ApiKeysView;
import io.easel.studio.workspace.CurrentWorkspace;
import io.easel.studio.workspace.WorkspaceSwitch;
import jakarta.annotation.security.PermitAll;
import java.util.Objects;

/**
 * The frame around every screen: brand, workspace, navigation, language and the signed-in user on top, the routed
 * view below. API keys are offered to those who may manage them (analysts), the audit log and users to administrators.
 */
@StyleSheet("context://styles/easel-studio.css")
@PermitAll // Vaadin checks a view's layouts too: the frame is for anyone signed in
public class StudioLayout extends Div implements RouterLayout, LocaleChangeObserver {

    private final Main content = new Main();
    private final RouterLink experiments = new RouterLink("", ExperimentListView.class);
    private final RouterLink models = new RouterLink("", ModelsView.class);
    private final RouterLink deployments = new RouterLink("", DeploymentsView.class);
    private final RouterLink apiKeys = new RouterLink("", ApiKeysView.class);
    private final RouterLink users = new RouterLink("", UsersView.class);
    private final RouterLink audit = new RouterLink("", AuditLogView.class);
    private final Span tagline = new Span();
    private final Span user = new Span();
    private final Button signOut = new Button();

    public StudioLayout(CurrentWorkspace workspace, AuthenticationContext signedIn) {
        addClassName("studio");

        RouterLink brand = new RouterLink("", ExperimentListView.class);
        brand.addClassName("brand");
        Span mark = new Span();
        mark.addClassName("brand-mark");
        Span name = new Span("Easel");
        name.addClassName("brand-name");
        tagline.addClassName("brand-tagline");
        brand.add(mark, name, tagline);

        experiments.addClassName("nav-link");
        experiments.setHighlightCondition((link, event) -> event.getLocation().getPath().isEmpty()
                || event.getLocation().getPath().startsWith("experiments"));
        models.addClassName("nav-link");
        models.setId("nav-models");
        deployments.addClassName("nav-link");
        deployments.setId("nav-deployments");
        apiKeys.addClassName("nav-link");
        apiKeys.setId("nav-api-keys");
        users.addClassName("nav-link");
        users.setId("nav-users");
        audit.addClassName("nav-link");
        audit.setId("nav-audit");
        apiKeys.setVisible(workspace.canEdit());
        boolean admin = signedIn.hasRole("ADMIN");
        users.setVisible(admin);
        audit.setVisible(admin);
        Nav nav = new Nav(experiments, models, deployments, apiKeys, users, audit);
        nav.addClassName("studio-nav");

        Div spacer = new Div();
        spacer.addClassName("spacer");

        user.addClassName("signed-in-user");
        user.setId("signed-in-user");
        user.setText(signedIn.getPrincipalName().orElse(""));
        signOut.setIcon(VaadinIcon.SIGN_OUT.create());
        signOut.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        signOut.addClassName("sign-out");
        signOut.setId("sign-out");
        signOut.addClickListener(e -> signedIn.logout());
        Div account = new Div(user, signOut);
        account.addClassName("account");

        Header header = new Header(brand, new WorkspaceSwitch(workspace), nav, spacer, new LanguageSwitch(), account);
        header.addClassName("studio-header");

        content.addClassName("studio-content");
        add(header, content);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        relabel();
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(Objects.requireNonNull(view.getElement()));
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void relabel() {
        tagline.setText(getTranslation("app.tagline"));
        experiments.setText(getTranslation("nav.experiments"));
        models.setText(getTranslation("nav.models"));
        deployments.setText(getTranslation("nav.deployments"));
        apiKeys.setText(getTranslation("nav.api-keys"));
        users.setText(getTranslation("nav.users"));
        audit.setText(getTranslation("nav.audit"));
        signOut.setTooltipText(getTranslation("account.sign-out"));
        signOut.setAriaLabel(getTranslation("account.sign-out"));
    }
}
