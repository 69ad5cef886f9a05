package io.easel.server.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * A cron expression in a time zone: when a schedule fires. Accepts Spring's six fields (second first) and the
 * classic five (minute first, firing at second 0).
 *
 * @param cron the six-field form it is kept in
 */
record CronSchedule(String cron, ZoneId zone) {

    /**
     * @throws InvalidScheduleException (400) naming {@code cron} or {@code zone} when either does not parse
     */
    static CronSchedule parse(String cron, String zone) {
        if (cron == null || cron.isBlank()) {
            throw new InvalidScheduleException("cron", "a cron expression is required, e.g. '0 3 * * *' (every day "
                    + "at 03:00) or '0 0 3 * * MON-FRI' (second, minute, hour, day, month, weekday)");
        }
        String trimmed = cron.trim();
        String sixFields = trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed;
        try {
            CronExpression.parse(sixFields);
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException("cron", "'" + trimmed + "' is not a cron expression: "
                    + e.getMessage());
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.trim());
        } catch (DateTimeException e) {
            throw new InvalidScheduleException("zone", "'" + zone + "' is not a time zone: " + e.getMessage()
                    + "; use a region such as 'Asia/Shanghai' or 'UTC'");
        }
        return new CronSchedule(sixFields, zoneId);
    }

    /**
     * The first firing strictly after {@code instant}.
     *
     * @throws InvalidScheduleException (400) naming {@code cron} for an expression that never fires (30 February)
     */
    Instant nextAfter(Instant instant) {
        ZonedDateTime next = CronExpression.parse(cron).next(instant.atZone(zone));
        if (next == null) {
            throw new InvalidScheduleException("cron", "'" + cron + "' never fires");
        }
        return next.toInstant();
    }
}
