package io.easel.server.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code easel.security.*}.
 *
 * @param adminUsername the first administrator, created at the first start (when there are no users yet)
 * @param adminPassword that administrator's password (at least 12 characters); when absent a random one is generated
 *     and printed to the log, once. There is never a default password. Read at the first start only.
 * @param corsAllowedOrigins browser origins (e.g. {@code https://portal.example.com}) whose pages may call the REST
 *     API with an API key; none by default, so cross-origin requests are refused
 * @param bcryptStrength the bcrypt work factor of stored passwords (4 to 31; each step doubles the time a password
 *     check takes, for the server and for anyone guessing)
 * @param oidc how users of the identity provider become Easel users (the provider itself is configured with Spring's
 *     {@code spring.security.oauth2.client.*} settings)
 */
@ConfigurationProperties("easel.security")
public record SecurityProperties(@DefaultValue("admin") String adminUsername, String adminPassword,
        @DefaultValue List<String> corsAllowedOrigins, @DefaultValue("10") int bcryptStrength,
        @DefaultValue Oidc oidc) {

    public static final int MIN_PASSWORD_LENGTH = 12;

    /**
     * @param usernameClaim the ID token claim that becomes the Easel user name (falls back to {@code email}, then the
     *     subject)
     * @param defaultRole the role a new identity-provider user gets in the default workspace: {@code viewer},
     *     {@code analyst} or {@code none} (an administrator adds them to workspaces)
     * @param groupsClaim the claim listing the user's groups
     * @param adminGroup a group whose members are Easel administrators (checked at every sign-in); none by default
     */
    public record Oidc(@DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue("viewer") String defaultRole, @DefaultValue("groups") String groupsClaim,
            String adminGroup) {}
}
