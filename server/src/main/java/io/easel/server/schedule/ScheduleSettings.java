package io.easel.server.schedule;

import io.easel.server.deployment.DeploymentName;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.format.datetime.standard.DurationFormatterUtils;

/**
 * A schedule's settings, validated.
 *
 * @param promoteTo a deployment name, or null not to promote
 * @param canary the canary the new version is first, or null to deploy it at once
 */
record ScheduleSettings(CronSchedule cron, MissedFirings missed, String promoteTo, boolean enabled,
        CanaryStep canary) {

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
        return new ScheduleSettings(cron, missed, promoteTo, request.enabled() == null || request.enabled(),
                canary(request, promoteTo));
    }

    private static CanaryStep canary(ScheduleRequest request, String promoteTo) {
        boolean forGiven = request.canaryFor() != null && !request.canaryFor().isBlank();
        if (request.canaryPercent() == null) {
            if (forGiven) {
                throw new InvalidScheduleException("canaryFor", "given without canaryPercent: say which share of "
                        + "the requests the canary takes, or leave canaryFor out");
            }
            return null;
        }
        int percent = request.canaryPercent();
        if (percent < 1 || percent > 99) {
            throw new InvalidScheduleException("canaryPercent", percent + " is not a canary's share: use a whole "
                    + "number from 1 to 99");
        }
        if (promoteTo == null) {
            throw new InvalidScheduleException("canaryPercent", "a canary needs promoteTo: it runs beside the "
                    + "version a deployment serves");
        }
        return new CanaryStep(percent, forGiven ? promoteAfter(request.canaryFor().trim()) : null);
    }

    private static Duration promoteAfter(String text) {
        Duration duration;
        try {
            duration = DurationFormatterUtils.detectAndParse(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidScheduleException("canaryFor", "'" + text + "' is not a duration: write e.g. 30m, 2h, "
                    + "1d or PT1H30M");
        }
        if (duration.toMinutes() < 1) {
            throw new InvalidScheduleException("canaryFor", "'" + text + "' is too short: a canary runs at least a "
                    + "minute before it is promoted");
        }
        return duration;
    }
}
