package io.easel.server.experiment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Experiment fields that cannot be saved at all (unlike graph errors, which a draft may have); HTTP 400. */
public class InvalidExperimentException extends ErrorResponseException {

    public InvalidExperimentException(String field, String problem) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("Invalid experiment");
        getBody().setDetail("'" + field + "' " + problem);
        getBody().setProperty("field", field);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
