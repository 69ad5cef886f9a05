package io.easel.studio.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.easel.server.settings.StudioOnly;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in for the studio UI, with Vaadin's Spring Security integration: every view needs a signed-in user (views say
 * who may open them with {@code @PermitAll} / {@code @RolesAllowed}), the login view takes a user name and password,
 * and when an identity provider is configured ({@code spring.security.oauth2.client.*}) it also offers OIDC sign-in.
 * Vaadin's own CSRF protection covers its requests and Spring's the login form. The REST API has its own chain (the
 * server's), which comes first and shares the browser's session.
 */
@Configuration(proxyBeanMethods = false)
@StudioOnly
class StudioSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain studioSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc) {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/images/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        if (oidc.getIfAvailable() != null) {
            // Spring's OAuth2 login, with Easel's mapping of provider users (the server's OAuth2UserService bean).
            http.oauth2Login(login -> login.loginPage(LoginView.PATH).permitAll());
        }
        return http.build();
    }
}
