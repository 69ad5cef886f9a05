package io.easel.server.run;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A node of a run without that table output, or whose files are no longer in the workspace; HTTP 404. */
public class TableOutputNotFoundException extends ErrorResponseException {

    TableOutputNotFoundException(UUID runId, String nodeId, String port, String why) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Table output not found");
        getBody().setDetail("Node '" + nodeId + "' of run " + runId + " has no table output '" + port + "'" + why);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
