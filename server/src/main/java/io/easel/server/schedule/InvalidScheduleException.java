package io.easel.server.schedule;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A schedule that cannot be saved, answered 400 naming the field: {@code cron: '61 * * * *' is not ...}. */
public class InvalidScheduleException extends ErrorResponseException {

    InvalidScheduleException(String field, String problem) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("Invalid schedule");
        getBody().setDetail(field + ": " + problem);
        getBody().setProperty("field", field);
    }

    /** The field that is wrong: {@code cron}, {@code zone}, {@code missed}, {@code promoteTo}, {@code canaryPercent} or
     * {@code canaryFor}. */
    public String field() {
        return (String) getBody().getProperties().get("field");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
