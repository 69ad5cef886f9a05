package io.easel.server.experiment;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A save based on a version that someone else has already changed; answered as HTTP 409. */
public class StaleExperimentException extends ErrorResponseException {

    private final long expectedVersion;
    private final long currentVersion;

    public StaleExperimentException(UUID id, long expectedVersion, long currentVersion) {
        super(HttpStatus.CONFLICT);
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
        getBody().setTitle("Experiment changed meanwhile");
        getBody().setDetail("Experiment " + id + " was saved from version " + expectedVersion
                + ", but it is now at version " + currentVersion
                + " (changed by someone else); reload it and apply your changes again");
        getBody().setProperty("expectedVersion", expectedVersion);
        getBody().setProperty("currentVersion", currentVersion);
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
