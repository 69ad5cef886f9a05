package io.easel.server.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Signed in, allowed to see the thing, but not to do this with it (a viewer editing, an analyst managing users); HTTP
 * 403. Never used for things of workspaces the caller cannot see: those are answered 404, as if they did not exist.
 */
public class ForbiddenException extends ErrorResponseException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN);
        getBody().setTitle("Not allowed");
        getBody().setDetail(detail);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
