package io.easel.server.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A workspace, user or API key that does not exist, or that the caller may not see; HTTP 404. */
public class NotFoundException extends ErrorResponseException {

    private NotFoundException(String title, String detail) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle(title);
        getBody().setDetail(detail);
    }

    public static NotFoundException workspace(String selector) {
        return new NotFoundException("Workspace not found", "There is no workspace '" + selector + "'");
    }

    public static NotFoundException user(String username) {
        return new NotFoundException("User not found", "There is no user '" + username + "'");
    }

    public static NotFoundException apiKey(Object id) {
        return new NotFoundException("API key not found", "There is no API key " + id + " in this workspace");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
