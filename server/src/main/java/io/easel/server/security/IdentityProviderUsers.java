package io.easel.server.security;

import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a user the identity provider signed in (OpenID Connect) into an Easel user: found by the provider's issuer and
 * subject, or created at their first sign-in with {@code easel.security.oidc.default-role} in the default workspace.
 * A provider user never takes over an existing Easel user of the same name: the new user's name then gets a suffix.
 * Spring's OAuth2 login uses this bean for every OIDC sign-in.
 */
@Component
class IdentityProviderUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final SecurityProperties.Oidc settings;
    private final AuditLog audit;

    IdentityProviderUsers(UserRepository users, MembershipRepository memberships, SecurityProperties settings,
            AuditLog audit) {
        this.users = users;
        this.memberships = memberships;
        this.settings = settings.oidc();
        this.audit = audit;
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        String issuer = String.valueOf(signedIn.getIssuer());
        UserEntity user = users.findByOidcIssuerAndOidcSubject(issuer, signedIn.getSubject())
                .orElseGet(() -> create(signedIn, issuer));
        if (!user.enabled()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "The Easel user '" + user.username() + "' is disabled", null));
        }
        if (settings.adminGroup() != null && !settings.adminGroup().isBlank()) {
            boolean inGroup = signedIn.getClaim(settings.groupsClaim()) instanceof Collection<?> groups
                    && groups.contains(settings.adminGroup());
            if (inGroup != user.admin()) {
                user.changeAdmin(inGroup);
                audit.recordAs(user.username(), AuditAction.USER_CHANGED, null, user.username(),
                        (inGroup ? "made administrator" : "no longer administrator") + " by the identity provider's "
                                + "group '" + settings.adminGroup() + "'");
            }
        }
        return new IdentityProviderUser(signedIn, user.id(), user.username(), user.admin());
    }

    private UserEntity create(OidcUser signedIn, String issuer) {
        String wanted = Optional.ofNullable(signedIn.<Object>getClaim(settings.usernameClaim())).map(String::valueOf)
                .or(() -> Optional.ofNullable(signedIn.getEmail()))
                .orElse(signedIn.getSubject());
        String username = freeUsername(usable(wanted), signedIn.getSubject());
        UserEntity user = users.save(UserEntity.fromIdentityProvider(username, signedIn.getFullName(), issuer,
                signedIn.getSubject(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
        String role = settings.defaultRole() == null ? "none" : settings.defaultRole().strip().toLowerCase(Locale.ROOT);
        if (!role.equals("none")) {
            memberships.save(new MembershipEntity(WorkspaceRef.DEFAULT_ID, user.id(), WorkspaceRole.of(role)));
        }
        audit.recordAs(username, AuditAction.USER_CREATED, null, username, "first sign-in through the identity "
                + "provider " + issuer + "; " + (role.equals("none") ? "in no workspace" : role + " in default"));
        return user;
    }

    /** The provider's name reduced to what Easel user names allow. */
    private static String usable(String name) {
        String cleaned = name.strip().replaceAll("[^A-Za-z0-9._@-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return cleaned.isEmpty() ? "user" : cleaned.substring(0, Math.min(cleaned.length(), 80));
    }

    private String freeUsername(String wanted, String subject) {
        if (users.findByUsername(wanted).isEmpty()) {
            return wanted;
        }
        return wanted + "-" + Secrets.hash(subject).substring(0, 6); // stable for the same provider user
    }
}
