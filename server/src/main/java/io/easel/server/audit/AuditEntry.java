package io.easel.server.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit log.
 *
 * @param id increasing; page back with {@code before=<the last id you got>}
 * @param actor the user name, {@code api-key:<key id>} for API keys, or {@code system}; for a failed sign-in the name
 *     that was tried
 * @param workspaceId the workspace concerned, or null for changes outside workspaces (users, sign-ins)
 * @param target what was changed: a deployment name, an experiment id, a user name, an API key id
 * @param remoteAddress where the request came from, when it came over HTTP
 */
public record AuditEntry(long id, Instant at, String actor, AuditAction action, UUID workspaceId, String target,
        String detail, String remoteAddress) {}
