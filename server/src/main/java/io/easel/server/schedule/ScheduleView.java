package io.easel.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An experiment's schedule as the REST API and the studio show it.
 *
 * @param cron the six-field form (a five-field cron is kept with second 0 in front)
 * @param promoteTo the deployment a successful scheduled run's model is deployed to; null for none
 * @param canaryPercent the share of the requests the new version first takes as a canary; null to deploy it at once
 * @param canaryFor how long that canary runs before the schedule promotes it; null when people promote it
 * @param owner the user whose runs and promotions the schedule makes (who set it last)
 * @param nextFireAt the firing due next (also while disabled: enabling recomputes it)
 * @param lastFiredAt null before the first firing
 * @param lastRunId the run the last firing started; null when it started none
 * @param lastProblem why the last firing started no run; null when it did
 */
public record ScheduleView(UUID experimentId, String cron, String zone, MissedFirings missed, String promoteTo,
        Integer canaryPercent, Duration canaryFor, boolean enabled, String owner, Instant nextFireAt,
        Instant lastFiredAt, UUID lastRunId, String lastProblem) {}
