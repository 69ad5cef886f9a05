package io.easel.server.model;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Answered as HTTP 404. */
public class ModelNotFoundException extends ErrorResponseException {

    private ModelNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Model not found");
        getBody().setDetail(detail);
    }

    public static ModelNotFoundException model(UUID modelId) {
        return new ModelNotFoundException("There is no model " + modelId);
    }

    public static ModelNotFoundException version(UUID modelId, int version) {
        return new ModelNotFoundException("Model " + modelId + " has no version " + version);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
