package io.easel.server.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Ticks the schedules on one daemon thread, every {@code tick} from the start of the context (so a firing missed
 * while the server was down is handled at start-up) until the context stops.
 */
class ScheduleTimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleTimer.class);

    private final ScheduleTicker ticker;
    private final Duration tick;
    private ScheduledExecutorService executor;

    ScheduleTimer(ScheduleTicker ticker, Duration tick) {
        this.ticker = ticker;
        this.tick = tick;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("easel-schedules")
                .daemon(true).factory());
        executor.scheduleWithFixedDelay(this::tickSafely, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tickSafely() {
        try {
            ticker.tick();
        } catch (RuntimeException e) {
            // e.g. the database is unreachable for a moment: the next tick tries again
            log.warn("Schedules: this tick failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
