package io.easel.server.deployment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A deployment name that is not a slug (400) or that another model's deployment holds (409). */
public class DeploymentNameException extends ErrorResponseException {

    private DeploymentNameException(HttpStatus status, String title, String detail) {
        super(status);
        getBody().setTitle(title);
        getBody().setDetail(detail);
    }

    static DeploymentNameException notASlug(String name) {
        return new DeploymentNameException(HttpStatus.BAD_REQUEST, "Invalid deployment name",
                "Deployment name '" + name + "' is not allowed: use " + DeploymentName.RULE);
    }

    static DeploymentNameException taken(String name) {
        return new DeploymentNameException(HttpStatus.CONFLICT, "Deployment name taken",
                "Deployment name '" + name + "' already serves another model; choose another name");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
