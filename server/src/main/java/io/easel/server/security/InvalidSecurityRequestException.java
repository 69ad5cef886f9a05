package io.easel.server.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A user, workspace, member or API key request with a field that cannot be used; HTTP 400 naming the field. */
public class InvalidSecurityRequestException extends ErrorResponseException {

    public InvalidSecurityRequestException(String field, String problem) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("Invalid request");
        getBody().setDetail("'" + field + "' " + problem);
        getBody().setProperty("field", field);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
