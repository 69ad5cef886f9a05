package io.easel.server.experiment;

import io.easel.server.settings.StudioOnly;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges experiments that have been in the trash for longer than {@code easel.experiments.trash-retention-days}
 * (default 30; 0 keeps them until someone purges them by hand), once an hour and shortly after start.
 */
@Component
@StudioOnly
@EnableScheduling
class TrashPurge {

    private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

    private final ExperimentService experiments;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    TrashPurge(ExperimentService experiments, @Value("${easel.experiments.trash-retention-days:30}") int days) {
        if (days < 0) {
            throw new IllegalArgumentException("easel.experiments.trash-retention-days must be 0 (keep until purged "
                    + "by hand) or more, not " + days);
        }
        this.experiments = experiments;
        this.retention = Duration.ofDays(days);
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void purgeExpired() {
        if (retention.isZero()) {
            return;
        }
        int purged = experiments.purgeTrashedBefore(clock.instant().minus(retention));
        if (purged > 0) {
            log.info("Purged {} experiments that were in the trash for more than {} days", purged,
                    retention.toDays());
        }
    }
}
