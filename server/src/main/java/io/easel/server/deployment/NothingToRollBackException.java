package io.easel.server.deployment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Answered as HTTP 409: the deployment has served only one version, so there is no earlier one to go back to. */
public class NothingToRollBackException extends ErrorResponseException {

    NothingToRollBackException(String name, int version) {
        super(HttpStatus.CONFLICT);
        getBody().setTitle("Nothing to roll back");
        getBody().setDetail("Deployment '" + name + "' has served only version " + version
                + " since it was created; there is no previous version to roll back to");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
