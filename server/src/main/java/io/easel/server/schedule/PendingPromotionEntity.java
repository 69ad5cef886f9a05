package io.easel.server.schedule;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A scheduled run whose model is to be deployed to {@code promoteTo} once the run succeeds, at once or as a canary
 * first.
 */
@Entity
@Table(name = "pending_promotions")
class PendingPromotionEntity {

    @Id
    private UUID runId;

    private UUID experimentId;

    private UUID workspaceId;

    @Embedded
    private ScheduleOwner owner;

    private String promoteTo;

    private Integer canaryPercent;

    private Long canaryForSeconds;

    private Instant createdAt;

    protected PendingPromotionEntity() {}

    PendingPromotionEntity(UUID runId, ScheduleEntity schedule, Instant now) {
        this.runId = runId;
        this.experimentId = schedule.experimentId();
        this.workspaceId = schedule.workspaceId();
        this.owner = schedule.owner();
        this.promoteTo = schedule.promoteTo();
        this.canaryPercent = schedule.canary().map(CanaryStep::percent).orElse(null);
        this.canaryForSeconds = schedule.canary().map(CanaryStep::promoteAfterSeconds).orElse(null);
        this.createdAt = now;
    }

    UUID runId() {
        return runId;
    }

    UUID experimentId() {
        return experimentId;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    ScheduleOwner owner() {
        return owner;
    }

    String promoteTo() {
        return promoteTo;
    }

    /** The canary the version is first, as the schedule said when it fired; empty to deploy it at once. */
    Optional<CanaryStep> canary() {
        return CanaryStep.stored(canaryPercent, canaryForSeconds);
    }
}
