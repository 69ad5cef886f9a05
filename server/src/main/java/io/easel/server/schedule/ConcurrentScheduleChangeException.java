package io.easel.server.schedule;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Another request created the experiment's schedule at the same moment; HTTP 409, and nothing of this one stored. */
public class ConcurrentScheduleChangeException extends ErrorResponseException {

    ConcurrentScheduleChangeException(UUID experimentId) {
        super(HttpStatus.CONFLICT);
        getBody().setTitle("Schedule changed meanwhile");
        getBody().setDetail("Another request set the schedule of experiment " + experimentId + " at the same time; "
                + "read it again and repeat your change if it still applies");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
