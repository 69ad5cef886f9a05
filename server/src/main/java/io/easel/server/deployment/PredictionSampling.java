package io.easel.server.deployment;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Which scored records go into a deployment's prediction log: each independently, with probability {@code rate}. The
 * draw comes from the request thread's own generator, as {@link TrafficSplit}'s does, so sampling takes no lock and
 * reads no database; over n records the logged count has a standard deviation of {@code sqrt(n rate (1 - rate))}.
 *
 * @param rate 0 (the log is off) to 1 (every record)
 */
record PredictionSampling(double rate) {

    /** Nothing logged. */
    static final PredictionSampling NONE = new PredictionSampling(0);

    PredictionSampling {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a sample rate is 0 to 1, not " + rate);
        }
    }

    /** Whether any record is logged: the one check scoring makes while the log is off. */
    boolean logs() {
        return rate > 0;
    }

    /** Whether this record is logged. */
    boolean sampled() {
        return sampled(ThreadLocalRandom.current());
    }

    /** Whether a record is logged, drawing from {@code random} (its doubles lie in [0, 1), so rate 1 logs all). */
    boolean sampled(RandomGenerator random) {
        return random.nextDouble() < rate;
    }
}
