package io.easel.server.run;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An engine callback without this run's token; HTTP 401. Unknown runs get the same answer, so the endpoint does not
 * reveal which run ids exist.
 */
class EngineCallbackRefusedException extends ErrorResponseException {

    EngineCallbackRefusedException() {
        super(HttpStatus.UNAUTHORIZED);
        getBody().setTitle("Not this run's engine");
        getBody().setDetail("Engine callbacks need the bearer token the run's engine was started with");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
