package io.easel.server.run;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What started a run: someone asking for it, or an experiment's schedule (io.easel.server.schedule). */
public enum RunTrigger {
    /** A person or a client, through the studio or the REST API. */
    MANUAL,
    /** The experiment's schedule fired, and the run was started as the schedule's owner. */
    SCHEDULE;

    /** As the REST API writes it: {@code manual}, {@code schedule}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
