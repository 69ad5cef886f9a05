package io.easel.server.experiment;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Answered as HTTP 404. */
public class ExperimentNotFoundException extends ErrorResponseException {

    public ExperimentNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Experiment not found");
        getBody().setDetail("There is no experiment " + id);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
