package io.easel.server.security;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as it is listed: never the key itself, which is shown once, when it is created.
 *
 * @param lastUsedAt when it last authenticated a request (updated at most once a minute), or null
 * @param revokedAt when it was revoked, or null while it works
 */
public record ApiKeyView(UUID id, String name, WorkspaceRole role, String createdBy, Instant createdAt,
        Instant lastUsedAt, Instant revokedAt) {}
