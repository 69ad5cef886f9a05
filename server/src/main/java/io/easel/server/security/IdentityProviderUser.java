package io.easel.server.security;

import java.util.UUID;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A user signed in through the identity provider (OIDC), known to Easel by the user it was mapped to. */
final class IdentityProviderUser extends DefaultOidcUser implements EaselUser {

    private final UUID userId;
    private final String username;

    IdentityProviderUser(OidcUser signedIn, UUID userId, String username, boolean admin) {
        super(PasswordUser.authorities(admin), signedIn.getIdToken(), signedIn.getUserInfo());
        this.userId = userId;
        this.username = username;
    }

    @Override
    public UUID userId() {
        return userId;
    }

    /** The Easel user name, which the audit log and the UI show, rather than the provider's subject id. */
    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityProviderUser user && user.userId.equals(userId) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }
}
