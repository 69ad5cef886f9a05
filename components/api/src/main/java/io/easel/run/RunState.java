package io.easel.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a whole run is. */
public enum RunState {
    /** Accepted by the server, engine not started yet. */
    QUEUED,
    /** Engine process started, Spark not up yet. */
    STARTING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunState fromJson(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
