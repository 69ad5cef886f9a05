package io.easel.server.schedule;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A schedule as a client sets it. Fields are taken as text and checked by {@link ScheduleSettings#of}, so a wrong
 * value is answered with a problem naming its field rather than a parse error.
 *
 * @param cron Spring's six fields (second minute hour day month weekday) or the classic five (minute first)
 * @param zone the time zone the cron reads in; absent for UTC
 * @param missed {@code run-once} (the default) or {@code skip}
 * @param promoteTo the deployment a successful scheduled run's model is deployed to; absent not to promote
 * @param enabled absent for true
 * @param canaryPercent the share of the requests the new version first takes as a canary (1 to 99); absent to deploy
 *     it at once
 * @param canaryFor how long the canary runs before the schedule promotes it through the gate ({@code 2h},
 *     {@code 30m}, {@code PT1H30M}); absent to leave the promotion to people
 */
public record ScheduleRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0 3 * * *") String cron,
        @Schema(example = "Asia/Shanghai", description = "absent = UTC") String zone,
        @Schema(allowableValues = {"run-once", "skip"}, description = "absent = run-once") String missed,
        @Schema(example = "credit-risk", description = "deployment name; absent = do not promote") String promoteTo,
        @Schema(description = "absent = true") Boolean enabled,
        @Schema(example = "10", description = "absent = deploy at once, no canary") Integer canaryPercent,
        @Schema(example = "2h", description = "absent = a person promotes the canary") String canaryFor) {

    /** A schedule that deploys its new versions at once. */
    public ScheduleRequest(String cron, String zone, String missed, String promoteTo, Boolean enabled) {
        this(cron, zone, missed, promoteTo, enabled, null, null);
    }
}
