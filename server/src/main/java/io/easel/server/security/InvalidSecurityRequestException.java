package io.easel.server.security;

import io.easel.server.web.InvalidFieldException;

/** A user, workspace, member or API key request with a field that cannot be used; HTTP 400 naming the field. */
public class InvalidSecurityRequestException extends InvalidFieldException {

    public InvalidSecurityRequestException(String field, String problem) {
        super("Invalid request", field, quoted(field, problem));
    }
}
