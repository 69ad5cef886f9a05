package io.easel.server.deployment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "deployments")
class DeploymentEntity {

    @Id
    private UUID id;

    private String name;

    private UUID modelId;

    private int modelVersion;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private Long version;

    private UUID workspaceId;

    @Enumerated(EnumType.STRING)
    private UnseenCategories unseenCategories;

    protected DeploymentEntity() {}

    DeploymentEntity(UUID workspaceId, String name, UUID modelId, int modelVersion, UnseenCategories unseen,
            Instant now) {
        this.id = UUID.randomUUID();
        this.unseenCategories = unseen;
        this.workspaceId = workspaceId;
        this.name = name;
        this.modelId = modelId;
        this.modelVersion = modelVersion;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Serves another version of the same model from now on; the endpoint stays where it is. */
    void switchTo(int modelVersion, Instant now) {
        this.modelVersion = modelVersion;
        this.updatedAt = now;
    }

    void treatUnseenCategories(UnseenCategories unseen, Instant now) {
        this.unseenCategories = unseen;
        this.updatedAt = now;
    }

    UnseenCategories unseenCategories() {
        return unseenCategories;
    }

    UUID id() {
        return id;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    String name() {
        return name;
    }

    UUID modelId() {
        return modelId;
    }

    int modelVersion() {
        return modelVersion;
    }

    Instant createdAt() {
        return createdAt;
    }
}
