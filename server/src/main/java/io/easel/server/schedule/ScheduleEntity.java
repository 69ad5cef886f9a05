package io.easel.server.schedule;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "experiment_schedules")
class ScheduleEntity {

    @Id
    private UUID experimentId;

    private UUID workspaceId;

    @Embedded
    private ScheduleOwner owner;

    private String cron;

    private String zone;

    @Enumerated(EnumType.STRING)
    private MissedFirings missed;

    private String promoteTo;

    private Integer canaryPercent;

    private Long canaryForSeconds;

    private boolean enabled;

    private Instant nextFireAt;

    private Instant lastFiredAt;

    private UUID lastRunId;

    private String lastProblem;

    private Instant updatedAt;

    protected ScheduleEntity() {}

    ScheduleEntity(UUID experimentId, UUID workspaceId) {
        this.experimentId = experimentId;
        this.workspaceId = workspaceId;
    }

    /** Takes the settings of a PUT, by {@code owner}, and waits for the first firing after {@code now}. */
    void set(ScheduleSettings settings, ScheduleOwner owner, Instant now) {
        this.owner = owner;
        this.cron = settings.cron().cron();
        this.zone = settings.cron().zone().getId();
        this.missed = settings.missed();
        this.promoteTo = settings.promoteTo();
        this.canaryPercent = settings.canary() == null ? null : settings.canary().percent();
        this.canaryForSeconds = settings.canary() == null ? null : settings.canary().promoteAfterSeconds();
        this.enabled = settings.enabled();
        this.nextFireAt = settings.cron().nextAfter(now);
        this.updatedAt = now;
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

    CronSchedule cronSchedule() {
        return new CronSchedule(cron, ZoneId.of(zone));
    }

    MissedFirings missed() {
        return missed;
    }

    String promoteTo() {
        return promoteTo;
    }

    /** The canary a new version is first; empty to deploy it at once. */
    Optional<CanaryStep> canary() {
        return CanaryStep.stored(canaryPercent, canaryForSeconds);
    }

    Instant nextFireAt() {
        return nextFireAt;
    }

    ScheduleView view() {
        return new ScheduleView(experimentId, cron, zone, missed, promoteTo, canaryPercent,
                canaryForSeconds == null ? null : Duration.ofSeconds(canaryForSeconds), enabled, owner.username(),
                nextFireAt, lastFiredAt, lastRunId, lastProblem);
    }
}
