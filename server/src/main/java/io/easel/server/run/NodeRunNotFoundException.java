package io.easel.server.run;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Answered as HTTP 404. */
public class NodeRunNotFoundException extends ErrorResponseException {

    public NodeRunNotFoundException(UUID runId, String nodeId) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Node not found in run");
        getBody().setDetail("Run " + runId + " has no node '" + nodeId + "'");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
