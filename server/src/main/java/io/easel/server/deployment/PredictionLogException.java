package io.easel.server.deployment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A prediction log request with a setting or query parameter Easel cannot use: 400, naming the field. */
public class PredictionLogException extends ErrorResponseException {

    private PredictionLogException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("Invalid prediction log request");
        getBody().setDetail("field '" + field + "' " + detail);
        getBody().setProperty("field", field);
    }

    static PredictionLogException invalidField(String field, String detail) {
        return new PredictionLogException(field, detail);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
