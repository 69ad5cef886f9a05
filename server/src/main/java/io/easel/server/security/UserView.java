package io.easel.server.security;

import java.time.Instant;
import java.util.Map;

/**
 * A user as administrators see them.
 *
 * @param passwordSignIn whether they have a password (the login form, HTTP Basic)
 * @param identityProvider whether the identity provider (OIDC) created them
 * @param workspaces their role by workspace slug
 */
public record UserView(String username, String displayName, boolean admin, boolean enabled, boolean passwordSignIn,
        boolean identityProvider, Map<String, WorkspaceRole> workspaces, Instant createdAt) {}
