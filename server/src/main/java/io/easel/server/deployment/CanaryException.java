package io.easel.server.deployment;

import io.easel.server.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A canary request that cannot be carried out: one that does not fit what the deployment does now (409), or a percent
 * or version that is missing or out of range (an {@link InvalidFieldException}, 400 naming the field).
 */
public class CanaryException extends ErrorResponseException {

    private CanaryException(HttpStatus status, String title, String detail) {
        super(status);
        getBody().setTitle(title);
        getBody().setDetail(detail);
    }

    static InvalidFieldException invalidField(String field, String detail) {
        return new InvalidFieldException("Invalid canary request", field, "field '" + field + "' " + detail);
    }

    static CanaryException alreadyRunning(String name, int version, int percent) {
        return new CanaryException(HttpStatus.CONFLICT, "A canary already runs",
                "Deployment '" + name + "' already sends " + percent + " % of its requests to version " + version
                        + " as a canary; promote or abort it before starting another");
    }

    static CanaryException alreadyServed(String name, int version) {
        return new CanaryException(HttpStatus.CONFLICT, "Version already served",
                "Deployment '" + name + "' already serves version " + version
                        + " to every request; a canary tries another version of the model");
    }

    static CanaryException noCanary(String name, int version) {
        return new CanaryException(HttpStatus.CONFLICT, "No canary",
                "Deployment '" + name + "' runs no canary: it serves version " + version
                        + " to every request; start a canary first");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
