package io.easel.server.run;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Column statistics that no engine here can compute (the warm engine is turned off, or not local); HTTP 409. */
public class StatisticsUnavailableException extends ErrorResponseException {

    StatisticsUnavailableException(String detail) {
        super(HttpStatus.CONFLICT);
        getBody().setTitle("Column statistics unavailable");
        getBody().setDetail(detail);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
