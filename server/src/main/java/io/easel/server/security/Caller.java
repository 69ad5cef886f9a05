package io.easel.server.security;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling and where they may do what: a signed-in user (with their memberships as the database has them now)
 * or an API key (its role in its one workspace).
 *
 * @param name the user name, or {@code api-key:<id>}
 * @param userId null for an API key
 * @param admin administrators may do everything in every workspace; never an API key
 * @param roles by workspace id
 */
public record Caller(String name, UUID userId, boolean admin, Map<UUID, WorkspaceRole> roles) {

    public Caller {
        roles = Map.copyOf(roles);
    }

    public boolean isApiKey() {
        return userId == null;
    }

    /** The caller's role in the workspace; empty when they may not see it (administrators are analysts anywhere). */
    public Optional<WorkspaceRole> roleIn(UUID workspaceId) {
        return admin ? Optional.of(WorkspaceRole.ANALYST) : Optional.ofNullable(roles.get(workspaceId));
    }

    public boolean canRead(UUID workspaceId) {
        return roleIn(workspaceId).isPresent();
    }

    public boolean canEdit(UUID workspaceId) {
        return roleIn(workspaceId).map(WorkspaceRole::canEdit).orElse(false);
    }
}
