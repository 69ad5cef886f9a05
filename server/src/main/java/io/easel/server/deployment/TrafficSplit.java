package io.easel.server.deployment;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Which version answers a scoring request while a canary runs: each request independently goes to the canary with
 * probability {@code canaryPercent} %. The draw comes from the request thread's own generator, so splitting takes no
 * lock and reads no database; over n requests the canary's share has a standard deviation of
 * {@code sqrt(n p (1 - p))} requests.
 *
 * @param canaryPercent 0 (no canary: everything to the served version) to 100
 */
record TrafficSplit(int canaryPercent) {

    /** Every request to the served version. */
    static final TrafficSplit NONE = new TrafficSplit(0);

    TrafficSplit {
        if (canaryPercent < 0 || canaryPercent > 100) {
            throw new IllegalArgumentException("a canary's share is 0 to 100 %, not " + canaryPercent);
        }
    }

    /** Whether this request goes to the canary. */
    boolean toCanary() {
        return canaryPercent > 0 && toCanary(ThreadLocalRandom.current());
    }

    /** Whether a request goes to the canary, drawing from {@code random}. */
    boolean toCanary(RandomGenerator random) {
        return random.nextInt(100) < canaryPercent;
    }
}
