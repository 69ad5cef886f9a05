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
    SKIPPED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED;
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
