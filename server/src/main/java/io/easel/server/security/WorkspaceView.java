package io.easel.server.security;

import java.util.UUID;

/**
 * A workspace the caller may see.
 *
 * @param role what the caller may do there ({@code analyst} for administrators, who may do everything)
 */
public record WorkspaceView(UUID id, String slug, String name, WorkspaceRole role) {

    public WorkspaceRef ref() {
        return new WorkspaceRef(id, slug, name);
    }
}
