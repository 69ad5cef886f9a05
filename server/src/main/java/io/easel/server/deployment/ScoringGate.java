package io.easel.server.deployment;

import io.easel.server.settings.LimitSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Lets only so many scoring requests read their bodies and evaluate at once ({@code easel.limits.concurrent-scoring}),
 * so that a burst holds at most that many bodies' records in memory. The others wait their turn in order, for at most
 * {@code easel.limits.scoring-wait}; then they are answered 429 with {@code Retry-After}.
 */
@Component
class ScoringGate {

    /** What scoring does once it has its turn. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    private final Semaphore turns;
    private final Duration wait;

    ScoringGate(LimitSettings limits) {
        this.turns = new Semaphore(limits.concurrentScoring(), true);
        this.wait = limits.scoringWait();
    }

    <T> T inTurn(Work<T> work) throws IOException {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return work.run();
        } finally {
            turns.release();
        }
    }

    private static ErrorResponseException busy() {
        ErrorResponseException busy = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS);
        busy.getBody().setTitle("Too many scoring requests");
        busy.getBody().setDetail("Easel is scoring as many requests as it takes at once "
                + "(easel.limits.concurrent-scoring); try again in a moment");
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return busy;
    }
}
