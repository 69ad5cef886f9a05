package io.easel.server.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A user name or workspace slug that is taken; HTTP 409. */
public class AlreadyExistsException extends ErrorResponseException {

    private AlreadyExistsException(String title, String detail) {
        super(HttpStatus.CONFLICT);
        getBody().setTitle(title);
        getBody().setDetail(detail);
    }

    public static AlreadyExistsException user(String username) {
        return new AlreadyExistsException("User exists", "There is already a user '" + username + "'");
    }

    public static AlreadyExistsException workspace(String slug) {
        return new AlreadyExistsException("Workspace exists", "There is already a workspace '" + slug + "'");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
