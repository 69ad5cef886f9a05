package io.easel.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request with one field Easel cannot use: HTTP 400 whose problem JSON names the field in {@code field} (for
 * programs, e.g. a form that marks the input) and says what is wrong with it in {@code detail} (for people). Each
 * feature gives its own title ("Invalid schedule", "Invalid experiment", …) and words the detail.
 */
public class InvalidFieldException extends ErrorResponseException {

    /**
     * @param title what kind of request was refused, e.g. {@code Invalid schedule}
     * @param field the field at fault, as the client sent it (a JSON property, a query parameter)
     * @param detail the whole sentence for people, naming the field
     */
    public InvalidFieldException(String title, String field, String detail) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle(title);
        getBody().setDetail(detail);
        getBody().setProperty("field", field);
    }

    /** The usual detail: the field in quotes, then what is wrong with it ({@code 'name' is required}). */
    public static String quoted(String field, String problem) {
        return "'" + field + "' " + problem;
    }

    /** The field at fault. */
    public String field() {
        return (String) getBody().getProperties().get("field");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
