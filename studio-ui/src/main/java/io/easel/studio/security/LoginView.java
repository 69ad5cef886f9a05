package io.easel.studio.security;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.easel.studio.i18n.LanguageSwitch;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * Where everyone signs in, in either language: a user name and password (posted to Spring Security's {@code /login}),
 * or one button per configured identity provider (OIDC).
 */
@Route(LoginView.ROUTE)
@StyleSheet("context://styles/easel-studio.css")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final String ROUTE = "login";
    static final String PATH = "/" + ROUTE;

    private final LoginForm form = new LoginForm();
    private final Span tagline = new Span();
    private final Div providers = new Div();
    private final List<ClientRegistration> registrations;

    public LoginView(ObjectProvider<ClientRegistrationRepository> oidc) {
        this.registrations = registrations(oidc.getIfAvailable());
        addClassName("login-page");
        form.setAction(ROUTE);
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");

        Span mark = new Span();
        mark.addClassName("brand-mark");
        Span name = new Span("Easel");
        name.addClassName("brand-name");
        tagline.addClassName("login-tagline");
        Div brand = new Div(mark, name);
        brand.addClassName("login-brand");

        providers.addClassName("login-providers");
        Div card = new Div(brand, tagline, form, providers);
        card.addClassName("login-card");
        Div language = new Div(new LanguageSwitch());
        language.addClassName("login-language");
        add(language, card);
    }

    private static List<ClientRegistration> registrations(ClientRegistrationRepository repository) {
        List<ClientRegistration> found = new ArrayList<>();
        if (repository instanceof InMemoryClientRegistrationRepository inMemory) {
            inMemory.forEach(found::add);
        }
        return found;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Spring Security sends a refused sign-in back here with ?error.
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        relabel();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void relabel() {
        tagline.setText(getTranslation("login.tagline"));
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.username.required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.password.required"));
        form.setI18n(i18n);
        providers.removeAll();
        for (ClientRegistration registration : registrations) {
            Anchor provider = new Anchor("oauth2/authorization/" + registration.getRegistrationId(),
                    getTranslation("login.provider", registration.getClientName()));
            provider.setRouterIgnore(true);
            provider.addClassName("login-provider");
            provider.getElement().setAttribute("data-provider", registration.getRegistrationId());
            providers.add(provider);
        }
        providers.setVisible(!registrations.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Easel";
    }
}
