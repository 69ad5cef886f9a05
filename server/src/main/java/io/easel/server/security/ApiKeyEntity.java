package io.easel.server.security;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_keys")
class ApiKeyEntity {

    @Id
    private UUID id;

    private UUID workspaceId;

    private String name;

    @Convert(converter = WorkspaceRoleColumn.class)
    private WorkspaceRole role;

    private String secretHash;

    private String createdBy;

    private Instant createdAt;

    private Instant lastUsedAt;

    private Instant revokedAt;

    protected ApiKeyEntity() {}

    ApiKeyEntity(UUID id, UUID workspaceId, String name, WorkspaceRole role, String secretHash, String createdBy,
            Instant now) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.name = name;
        this.role = role;
        this.secretHash = secretHash;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    WorkspaceRole role() {
        return role;
    }

    String secretHash() {
        return secretHash;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    ApiKeyView view() {
        return new ApiKeyView(id, name, role, createdBy, createdAt, lastUsedAt, revokedAt);
    }
}
