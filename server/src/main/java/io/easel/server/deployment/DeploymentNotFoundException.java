package io.easel.server.deployment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Answered as HTTP 404. */
public class DeploymentNotFoundException extends ErrorResponseException {

    public DeploymentNotFoundException(String name) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Deployment not found");
        getBody().setDetail("There is no deployment named '" + name + "'");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
