package io.easel.server.schedule;

import io.easel.run.RunScope;
import io.easel.run.RunState;
import io.easel.server.run.RunOptions;
import io.easel.server.run.RunService;
import io.easel.server.run.RunTrigger;
import io.easel.server.run.RunView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.ErrorResponseException;

/**
 * One tick of the schedules, on whichever replica ticks: fires the schedules that are due, then promotes the models
 * of scheduled runs that have succeeded since. Every replica ticks; a firing and a promotion happen exactly once
 * because each is claimed first with a compare-and-set on the database, and only the replica whose claim changed the
 * row goes on. Spring's scheduler ticks it from the start of the context, so a firing missed while the server was down
 * is handled at start-up; a tick that fails (the database unreachable for a moment) is logged and the next one tries
 * again.
 */
class ScheduleTicker {

    private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);

    /** A scheduled run retrains: every node runs again, reading the data afresh, whatever earlier runs stored. */
    static final RunOptions RETRAIN = new RunOptions(null, true, List.of(), null, RunScope.ALL, 0);

    private final ScheduleRepository schedules;
    private final PendingPromotionRepository promotions;
    private final ScheduledCanaryRepository canaries;
    private final RunService runs;
    private final SchedulePromotion promotion;
    private final Clock clock;
    private final Duration lateness;

    /**
     * @param tick how often ticks come; a firing noticed more than three ticks (and at least a minute) after its
     *     time was missed: the server was down or stopped
     */
    ScheduleTicker(ScheduleRepository schedules, PendingPromotionRepository promotions,
            ScheduledCanaryRepository canaries, RunService runs, SchedulePromotion promotion, Clock clock,
            Duration tick) {
        this.schedules = schedules;
        this.promotions = promotions;
        this.canaries = canaries;
        this.runs = runs;
        this.promotion = promotion;
        this.clock = clock;
        Duration threeTicks = tick.multipliedBy(3);
        this.lateness = threeTicks.compareTo(Duration.ofMinutes(1)) > 0 ? threeTicks : Duration.ofMinutes(1);
    }

    /**
     * Fires what is due, promotes what has succeeded and the canaries whose time has come; a failure of one schedule
     * never stops the others.
     */
    @Scheduled(initialDelay = 0, fixedDelayString = "${easel.schedule.tick:10s}")
    void tick() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (ScheduleEntity due : schedules.findByEnabledTrueAndNextFireAtLessThanEqualOrderByNextFireAt(now)) {
            try {
                fire(due, now);
            } catch (RuntimeException e) {
                log.error("Schedule of experiment {}: the firing due at {} failed", due.experimentId(),
                        due.nextFireAt(), e);
            }
        }
        for (PendingPromotionEntity pending : promotions.findAllByOrderByCreatedAt()) {
            try {
                promoteIfEnded(pending);
            } catch (RuntimeException e) {
                log.error("Scheduled run {}: promoting its model failed; it is tried again at the next tick",
                        pending.runId(), e);
            }
        }
        for (ScheduledCanaryEntity due : canaries.findByPromoteAtLessThanEqualOrderByPromoteAt(now)) {
            try {
                if (canaries.claim(due.runId()) == 1) {
                    due.owner().act(() -> promotion.promoteCanary(due));
                }
            } catch (RuntimeException e) {
                log.error("Scheduled run {}: promoting its canary on '{}' failed; promote or abort it by hand",
                        due.runId(), due.deployment(), e);
            }
        }
    }

    private void fire(ScheduleEntity due, Instant now) {
        Instant next = due.cronSchedule().nextAfter(now);
        if (schedules.claim(due.experimentId(), due.nextFireAt(), next) != 1) {
            return; // another replica (or an overlapping tick) fired it, or it was changed meanwhile
        }
        boolean missed = Duration.between(due.nextFireAt(), now).compareTo(lateness) > 0;
        if (missed && due.missed() == MissedFirings.SKIP) {
            log.info("Schedule of experiment {}: skipped the firing missed at {} (missed: skip); next at {}",
                    due.experimentId(), due.nextFireAt(), next);
            return;
        }
        RunView run;
        try {
            run = due.owner().act(() -> runs.start(due.experimentId(), RETRAIN, RunTrigger.SCHEDULE));
        } catch (RuntimeException e) {
            log.warn("Schedule of experiment {}: the firing due at {} started no run: {}", due.experimentId(),
                    due.nextFireAt(), e.getMessage());
            schedules.recordFiring(due.experimentId(), now, null, e.getMessage());
            return;
        }
        log.info("Schedule of experiment {}: fired{} as {}, run {}; next at {}", due.experimentId(),
                missed ? " once for the firings missed since " + due.nextFireAt() : "", due.owner().username(),
                run.id(), next);
        schedules.recordFiring(due.experimentId(), now, run.id(), null);
        if (due.promoteTo() != null) {
            promotions.save(new PendingPromotionEntity(run.id(), due, now));
        }
    }

    private void promoteIfEnded(PendingPromotionEntity pending) {
        RunState state;
        try {
            state = pending.owner().act(() -> runs.get(pending.runId()).state());
        } catch (ErrorResponseException unreadable) {
            // The owner may no longer see the run (left the workspace, disabled): nothing to wait for any more.
            if (promotions.claim(pending.runId()) == 1) {
                pending.owner().act(() -> promotion.refuse(pending, "the run cannot be read as "
                        + pending.owner().username() + ": " + unreadable.getMessage()));
            }
            return;
        }
        if (!state.isFinal() || promotions.claim(pending.runId()) != 1) {
            return; // still running, or another replica promotes it
        }
        if (state != RunState.SUCCEEDED) {
            log.info("Scheduled run {} ended {}: nothing to promote to '{}'", pending.runId(), state,
                    pending.promoteTo());
            return;
        }
        pending.owner().act(() -> promotion.promote(pending));
    }
}
