package io.easel.server.deployment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A request for a deployment's recent figures with a parameter out of range: 400, naming the field. */
public class ScoringTimelineException extends ErrorResponseException {

    ScoringTimelineException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("Invalid figures request");
        getBody().setDetail("field '" + field + "' " + detail);
        getBody().setProperty("field", field);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
