package io.easel.server.run;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Answered as HTTP 404. */
public class RunNotFoundException extends ErrorResponseException {

    public RunNotFoundException(UUID runId) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Run not found");
        getBody().setDetail("There is no run " + runId);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
