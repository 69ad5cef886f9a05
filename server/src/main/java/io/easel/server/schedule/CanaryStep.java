package io.easel.server.schedule;

import java.time.Duration;
import java.util.Optional;

/**
 * The first step of a scheduled promotion where the schedule asks for one: the new version goes to the deployment as
 * a canary taking {@code percent} % of the requests, and after {@code promoteAfter} it is promoted through the
 * deployment's gate (a canary that fails the gate stays a canary).
 *
 * @param percent the canary's share of the requests, 1 to 99
 * @param promoteAfter how long the canary runs before the schedule promotes it; null to leave that to people
 */
record CanaryStep(int percent, Duration promoteAfter) {

    /** The step stored as {@code percent} and {@code promoteAfterSeconds}; empty when the percent is null. */
    static Optional<CanaryStep> stored(Integer percent, Long promoteAfterSeconds) {
        return percent == null ? Optional.empty() : Optional.of(new CanaryStep(percent,
                promoteAfterSeconds == null ? null : Duration.ofSeconds(promoteAfterSeconds)));
    }

    Long promoteAfterSeconds() {
        return promoteAfter == null ? null : promoteAfter.toSeconds();
    }
}
