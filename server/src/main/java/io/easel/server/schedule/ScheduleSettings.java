package io.easel.server.schedule;

import io.easel.server.deployment.DeploymentName;

/**
 * A schedule's settings, validated.
 *
 * @param promoteTo a deployment name, or null not to promote
 */
record ScheduleSettings(CronSchedule cron, MissedFirings missed, String promoteTo, boolean enabled) {

    /**
     * Validates what a client sent, defaulting an absent zone to UTC, an absent policy to {@code run-once} and an
     * absent {@code enabled} to true.
     *
     * @throws InvalidScheduleException (400) naming the first field that is wrong
     */
    static ScheduleSettings of(ScheduleRequest request) {
        CronSchedule cron = CronSchedule.parse(request.cron(), request.zone());
        MissedFirings missed = request.missed() == null ? MissedFirings.RUN_ONCE
                : MissedFirings.ofCode(request.missed().trim()).orElseThrow(() -> new InvalidScheduleException(
                        "missed", "'" + request.missed() + "' is not a policy for missed firings: use 'run-once' "
                                + "(run once at start-up) or 'skip' (wait for the next time)"));
        String promoteTo = request.promoteTo() == null || request.promoteTo().isBlank() ? null
                : request.promoteTo().trim();
        if (promoteTo != null && !DeploymentName.isSlug(promoteTo)) {
            throw new InvalidScheduleException("promoteTo", "'" + promoteTo + "' is not a deployment name: use "
                    + DeploymentName.RULE);
        }
        return new ScheduleSettings(cron, missed, promoteTo, request.enabled() == null || request.enabled());
    }
}
