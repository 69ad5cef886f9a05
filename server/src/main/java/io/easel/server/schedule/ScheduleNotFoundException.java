package io.easel.server.schedule;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The experiment has no schedule (or is not the caller's to see); HTTP 404. */
public class ScheduleNotFoundException extends ErrorResponseException {

    ScheduleNotFoundException(UUID experimentId) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("No schedule");
        getBody().setDetail("Experiment " + experimentId + " has no schedule");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
