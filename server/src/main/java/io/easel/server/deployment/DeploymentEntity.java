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

    /** What it served before the last swap; null until it has swapped once. */
    private Integer previousVersion;

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

    /**
     * Serves another version of the same model from now on; the endpoint stays where it is. The version it served
     * until now becomes the one a roll-back returns to; re-deploying the served version changes nothing.
     */
    void switchTo(int modelVersion, Instant now) {
        if (modelVersion != this.modelVersion) {
            this.previousVersion = this.modelVersion;
            this.modelVersion = modelVersion;
        }
        this.updatedAt = now;
    }

    /** Swaps the served and the previous version, so rolling back twice returns to where it started. */
    void rollBack(Instant now) {
        if (previousVersion == null) {
            throw new NothingToRollBackException(name, modelVersion);
        }
        switchTo(previousVersion, now);
    }

    Integer previousVersion() {
        return previousVersion;
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
