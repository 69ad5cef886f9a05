package io.easel.server.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Answered as HTTP 404. */
public class ComponentNotFoundException extends ErrorResponseException {

    public ComponentNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Component not found");
        getBody().setDetail("There is no component '" + id + "' in the catalog");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
