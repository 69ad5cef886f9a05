package io.easel.server.deployment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One deployment's scoring, minute by minute, for the last {@value #MINUTES} minutes on this server (every version
 * together): requests, errors and the latency of the successful ones. A ring of one slot per minute of the hour; a
 * slot whose minute has passed is replaced by a fresh one (one compare-and-set per slot and minute), never reset in
 * place, so scoring threads record without a lock and a reader never sees a half-cleared minute.
 */
final class ScoringMinutes {

    static final int MINUTES = 60;

    /** Latency buckets: four per doubling from 0.1 ms (about 19 % wide), the last one open-ended (from 52 s). */
    private static final int BUCKETS_PER_DOUBLING = 4;
    private static final int BUCKETS = 77;
    private static final double FIRST_BOUND_NANOS = 100_000;

    /** One minute's counts. */
    private static final class Minute {
        final long epochMinute;
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicLongArray successLatencies = new AtomicLongArray(BUCKETS);

        Minute(long epochMinute) {
            this.epochMinute = epochMinute;
        }
    }

    private final Clock clock;
    private final AtomicReferenceArray<Minute> slots = new AtomicReferenceArray<>(MINUTES);

    ScoringMinutes(Clock clock) {
        this.clock = clock;
    }

    void succeeded(long latencyNanos) {
        Minute minute = current();
        if (minute != null) {
            minute.requests.increment();
            minute.successLatencies.incrementAndGet(bucket(latencyNanos));
        }
    }

    void failed() {
        Minute minute = current();
        if (minute != null) {
            minute.requests.increment();
            minute.errors.increment();
        }
    }

    /**
     * The figures of the last {@code count} minutes, oldest first, the current (partial) minute last; minutes without
     * a request have zero requests.
     */
    List<MinuteFigures> last(int count) {
        long nowMillis = clock.millis();
        long now = Math.floorDiv(nowMillis, TimeUnit.MINUTES.toMillis(1));
        // The current minute's rate is over the seconds it has lasted so far, not over a whole minute.
        double currentSeconds = Math.max(1, (nowMillis - TimeUnit.MINUTES.toMillis(now)) / 1000.0);
        List<MinuteFigures> figures = new ArrayList<>(count);
        for (long epochMinute = now - count + 1; epochMinute <= now; epochMinute++) {
            Minute minute = slots.get(slot(epochMinute));
            Instant start = Instant.ofEpochSecond(TimeUnit.MINUTES.toSeconds(epochMinute));
            double seconds = epochMinute == now ? currentSeconds : 60;
            figures.add(minute == null || minute.epochMinute != epochMinute
                    ? new MinuteFigures(start, 0, 0, 0.0, null, null)
                    : figures(start, minute, seconds));
        }
        return figures;
    }

    private static MinuteFigures figures(Instant start, Minute minute, double seconds) {
        long requests = minute.requests.sum();
        long errors = minute.errors.sum();
        return new MinuteFigures(start, requests, errors, requests / seconds,
                requests == 0 ? null : 100.0 * errors / requests, p99Millis(minute.successLatencies));
    }

    /** This minute's slot, taking it over from the minute an hour ago; null for a clock gone back past the slot. */
    private Minute current() {
        long now = Math.floorDiv(clock.millis(), TimeUnit.MINUTES.toMillis(1));
        int slot = slot(now);
        while (true) {
            Minute minute = slots.get(slot);
            if (minute != null && minute.epochMinute >= now) {
                return minute.epochMinute == now ? minute : null;
            }
            Minute fresh = new Minute(now);
            if (slots.compareAndSet(slot, minute, fresh)) {
                return fresh;
            }
        }
    }

    private static int slot(long epochMinute) {
        return (int) Math.floorMod(epochMinute, (long) MINUTES);
    }

    private static int bucket(long latencyNanos) {
        if (latencyNanos <= FIRST_BOUND_NANOS) {
            return 0;
        }
        double doublings = Math.log(latencyNanos / FIRST_BOUND_NANOS) / Math.log(2);
        return (int) Math.min(BUCKETS - 1, Math.ceil(doublings * BUCKETS_PER_DOUBLING));
    }

    private static double upperBoundMillis(int bucket) {
        return FIRST_BOUND_NANOS * Math.pow(2, (double) bucket / BUCKETS_PER_DOUBLING) / 1e6;
    }

    /**
     * The 99th percentile of the successful requests' latency, interpolated linearly within its bucket as
     * {@link ScoringMeters} does; null without a success.
     */
    private static Double p99Millis(AtomicLongArray buckets) {
        long count = 0;
        for (int i = 0; i < BUCKETS; i++) {
            count += buckets.get(i);
        }
        if (count == 0) {
            return null;
        }
        double rank = 0.99 * count;
        double lowerBound = 0;
        long below = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long inBucket = buckets.get(i);
            double upperBound = upperBoundMillis(i);
            if (inBucket > 0 && below + inBucket >= rank) {
                return lowerBound + (upperBound - lowerBound) * (rank - below) / inBucket;
            }
            lowerBound = upperBound;
            below += inBucket;
        }
        return lowerBound; // counts moved on while they were read: the last bound is the best one known
    }
}
