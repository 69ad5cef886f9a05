package io.easel.server.model;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A batch scoring request that names no usable input or output; HTTP 400, naming the field. */
class BatchScoreRequestException extends ErrorResponseException {

    BatchScoreRequestException(String field, String problem) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("Invalid batch scoring request");
        getBody().setDetail("'" + field + "' " + problem);
        getBody().setProperty("field", field);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
