package io.easel.server.experiment;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Answered as HTTP 404. */
public class RevisionNotFoundException extends ErrorResponseException {

    public RevisionNotFoundException(UUID experimentId, int number) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Revision not found");
        getBody().setDetail("Experiment " + experimentId + " has no revision " + number);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
