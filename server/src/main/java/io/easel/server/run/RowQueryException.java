package io.easel.server.run;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A request for rows of an output that cannot be answered as asked (a bad param, too much to sort); HTTP 400. */
public class RowQueryException extends ErrorResponseException {

    RowQueryException(String title, String detail) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle(title);
        getBody().setDetail(detail);
    }

    static RowQueryException badParam(String param, String detail) {
        RowQueryException e = new RowQueryException("Invalid '" + param + "'", detail);
        e.getBody().setProperty("param", param);
        return e;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
