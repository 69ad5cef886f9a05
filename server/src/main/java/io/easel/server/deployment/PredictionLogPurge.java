package io.easel.server.deployment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes logged predictions older than {@code easel.serving.prediction-log.retention} (default 30 days; 0 keeps them
 * until someone deletes them), once an hour and shortly after start. Every replica may purge: deleting what is
 * expired twice deletes nothing more. It deletes in chunks, so that no statement runs into the statement timeout and
 * the log's writers never wait long on it.
 */
@Component
@EnableScheduling
class PredictionLogPurge {

    private static final Logger log = LoggerFactory.getLogger(PredictionLogPurge.class);
    private static final int CHUNK = 10_000;

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    PredictionLogPurge(DataSource dataSource,
            @Value("${easel.serving.prediction-log.retention:30d}") Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("easel.serving.prediction-log.retention must be 0 (keep until deleted "
                    + "by hand) or more, not " + retention);
        }
        this.jdbc = new JdbcTemplate(dataSource);
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void purgeExpired() {
        if (retention.isZero()) {
            return;
        }
        long purged = purgeBefore(clock.instant().minus(retention));
        if (purged > 0) {
            log.info("Purged {} logged predictions older than {}", purged, retention);
        }
    }

    /** Deletes the predictions scored before {@code cutoff}; how many. */
    long purgeBefore(Instant cutoff) {
        long purged = 0;
        int deleted;
        do {
            deleted = jdbc.update("DELETE FROM prediction_log WHERE id IN (SELECT id FROM prediction_log "
                    + "WHERE scored_at < ? LIMIT ?)", cutoff.atOffset(ZoneOffset.UTC), CHUNK);
            purged += deleted;
        } while (deleted == CHUNK);
        return purged;
    }
}
