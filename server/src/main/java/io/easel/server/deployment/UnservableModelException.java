package io.easel.server.deployment;

import io.easel.server.model.ModelVersionView;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The stored PMML of a version cannot be evaluated: a server-side fault (HTTP 500) with the reason, not a trace. */
public class UnservableModelException extends ErrorResponseException {

    UnservableModelException(ModelVersionView version, Exception cause) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, cause);
        getBody().setTitle("Model cannot be served");
        getBody().setDetail("Model " + version.modelId() + " version " + version.version() + " (" + version.pmmlUri()
                + ") is not a PMML document the evaluator can use: " + cause.getMessage());
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
