package io.easel.testidp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server (Boot's auto-configuration, from properties)
 * on a random port, with one client for Easel and one user with a password. It lives outside {@code io.easel.studio}
 * so the studio's component scan never sees it. It is reached as {@code 127.0.0.2} (another loopback address) while
 * the studio is {@code 127.0.0.1}: cookies do not tell ports apart, and each must keep its own session ({@code
 * localhost} will not do: Java's cookie store keeps no cookies for a host name without a dot).
 */
public final class IdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "easel";
    public static final String CLIENT_SECRET = "easel-client-secret";
    public static final String USERNAME = "olivia";
    public static final String PASSWORD = "olivia-at-the-idp";

    /** The auto-configurations of a database and of the studio, which this provider has no use for. */
    private static final List<String> NOT_HERE = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig");

    private final ConfigurableApplicationContext context;

    private IdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Server {

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername(USERNAME).password("{noop}" + PASSWORD)
                    .roles("USER").build());
        }
    }

    /**
     * Starts the provider on {@code port}, accepting sign-ins for a client whose redirect URI is {@code redirectUri}.
     * Start it after the studio in the same JVM: the studio's Vaadin sets the JVM-wide security context strategy,
     * which this provider's filters must then pick up too.
     */
    public static IdentityProvider start(int port, String redirectUri) {
        String client = "spring.security.oauth2.authorizationserver.client.easel.registration.";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("spring.autoconfigure.exclude", String.join(",", NOT_HERE));
        settings.put(client + "client-id", CLIENT_ID);
        settings.put(client + "client-secret", "{noop}" + CLIENT_SECRET);
        settings.put(client + "client-authentication-methods", "client_secret_basic");
        settings.put(client + "authorization-grant-types", "authorization_code");
        settings.put(client + "redirect-uris", redirectUri);
        settings.put(client + "scopes", "openid,profile");
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new IdentityProvider(new SpringApplicationBuilder(Server.class).run(arguments));
    }

    /** The issuer of a provider on {@code port}, as its tokens name it. */
    public static String issuer(int port) {
        return "http://127.0.0.2:" + port;
    }

    /**
     * The client settings of a studio that signs in here ({@code spring.security.oauth2.client.*}), naming the
     * endpoints rather than the issuer, so the studio need not reach the provider while it starts.
     */
    public static Map<String, String> clientSettings(String registration, int port) {
        String issuer = issuer(port);
        String client = "spring.security.oauth2.client.registration." + registration + ".";
        String provider = "spring.security.oauth2.client.provider." + registration + ".";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(client + "client-id", CLIENT_ID);
        settings.put(client + "client-secret", CLIENT_SECRET);
        settings.put(client + "scope", "openid,profile");
        settings.put(client + "authorization-grant-type", "authorization_code");
        settings.put(client + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
        settings.put(provider + "authorization-uri", issuer + "/oauth2/authorize");
        settings.put(provider + "token-uri", issuer + "/oauth2/token");
        settings.put(provider + "jwk-set-uri", issuer + "/oauth2/jwks");
        settings.put(provider + "user-info-uri", issuer + "/userinfo");
        settings.put(provider + "user-name-attribute", "sub");
        return settings;
    }

    @Override
    public void close() {
        context.close();
    }
}
