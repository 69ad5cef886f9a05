package io.easel.server.schedule;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a schedule does with firings the server slept through (it was down, or stopped for longer than a tick). */
public enum MissedFirings {
    /** However many were missed, the experiment runs once, at start-up or the next tick. */
    RUN_ONCE,
    /** Missed firings are dropped: the schedule waits for its next time in the future. */
    SKIP;

    /** As the REST API writes it: {@code run-once}, {@code skip}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The policy the REST API calls {@code code}; empty for anything else. */
    static Optional<MissedFirings> ofCode(String code) {
        return Arrays.stream(values()).filter(policy -> policy.code().equals(code)).findFirst();
    }
}
