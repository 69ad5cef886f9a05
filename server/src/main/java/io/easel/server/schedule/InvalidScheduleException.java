package io.easel.server.schedule;

import io.easel.server.web.InvalidFieldException;

/**
 * A schedule that cannot be saved, answered 400 naming the field: {@code cron: '61 * * * *' is not ...}. The field
 * ({@link #field()}) is {@code cron}, {@code zone}, {@code missed}, {@code promoteTo}, {@code canaryPercent} or
 * {@code canaryFor}.
 */
public class InvalidScheduleException extends InvalidFieldException {

    InvalidScheduleException(String field, String problem) {
        super("Invalid schedule", field, field + ": " + problem);
    }
}
