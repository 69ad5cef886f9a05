package io.easel.server.model;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A model file could not be read (store down, file removed). Not the caller's fault, so answered as HTTP 503 with the
 * URI and the reason.
 */
public class ModelStoreException extends ErrorResponseException {

    public ModelStoreException(String message, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, cause);
        getBody().setTitle("Model store unavailable");
        getBody().setDetail(message);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
