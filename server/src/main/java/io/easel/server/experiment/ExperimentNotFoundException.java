package io.easel.server.experiment;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Answered as HTTP 404. */
public class ExperimentNotFoundException extends ErrorResponseException {

    public ExperimentNotFoundException(UUID id) {
        this("There is no experiment " + id);
    }

    private ExperimentNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Experiment not found");
        getBody().setDetail(detail);
    }

    static ExperimentNotFoundException inTrash(UUID id) {
        return new ExperimentNotFoundException("Experiment " + id + " is in the trash; restore it from the trash to "
                + "open or change it");
    }

    static ExperimentNotFoundException notInTrash(UUID id) {
        return new ExperimentNotFoundException("Experiment " + id + " is not in the trash");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
