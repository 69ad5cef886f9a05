package io.easel.server.security;

import java.util.UUID;

/** What an API key may do: its role in its one workspace. */
record ApiKeyPrincipal(UUID keyId, WorkspaceRef workspace, WorkspaceRole role) {

    UUID workspaceId() {
        return workspace.id();
    }

    /** How the audit log names requests made with the key. */
    String name() {
        return "api-key:" + keyId;
    }
}
