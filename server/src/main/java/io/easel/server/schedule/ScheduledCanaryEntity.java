package io.easel.server.schedule;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A canary a schedule started, to be promoted through the deployment's gate at {@code promoteAt}. */
@Entity
@Table(name = "scheduled_canaries")
class ScheduledCanaryEntity {

    /** The scheduled run whose model version the canary is. */
    @Id
    private UUID runId;

    private UUID workspaceId;

    @Embedded
    private ScheduleOwner owner;

    private String deployment;

    private UUID modelId;

    private int version;

    private Instant promoteAt;

    protected ScheduledCanaryEntity() {}

    ScheduledCanaryEntity(PendingPromotionEntity promoted, UUID modelId, int version, Instant promoteAt) {
        this.runId = promoted.runId();
        this.workspaceId = promoted.workspaceId();
        this.owner = promoted.owner();
        this.deployment = promoted.promoteTo();
        this.modelId = modelId;
        this.version = version;
        this.promoteAt = promoteAt;
    }

    UUID runId() {
        return runId;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    ScheduleOwner owner() {
        return owner;
    }

    String deployment() {
        return deployment;
    }

    UUID modelId() {
        return modelId;
    }

    int version() {
        return version;
    }

    Instant promoteAt() {
        return promoteAt;
    }
}
