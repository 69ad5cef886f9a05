package io.easel.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one node of a run is. */
public enum NodeState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Not run because something upstream failed or the run was cancelled. */
    SKIPPED,
    /**
     * Outside the run's scope (run from here, run to here, run one node): not run, and not a failure. A node whose
     * stored outputs the run needed as an input, but which has none, says so in its message.
     */
    NOT_IN_RUN;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED || this == NOT_IN_RUN;
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static NodeState fromJson(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
