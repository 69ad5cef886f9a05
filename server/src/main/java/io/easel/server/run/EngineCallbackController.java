package io.easel.server.run;

import io.easel.server.settings.StudioOnly;
import io.easel.run.RunEventBatch;
import io.easel.run.RunState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@Tag(name = "Engine callback", description = "Where the engine of a run reports its progress; not for other "
        + "clients")
class EngineCallbackController {

    private static final String BEARER = "Bearer ";

    private final RunService runs;

    EngineCallbackController(RunService runs) {
        this.runs = runs;
    }

    /** What the engine gets back: where the run stands now. */
    record Acknowledged(UUID runId, long sequence, RunState state) {}

    @PostMapping("/api/engine/runs/{runId}/events")
    @Operation(summary = "Report run events", description = "A RunEventBatch from the run's engine, authorised by "
            + "the bearer token the engine was started with (401 otherwise). A batch whose sequence was already "
            + "applied is acknowledged and ignored.")
    Acknowledged events(@PathVariable UUID runId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody RunEventBatch batch) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw new EngineCallbackRefusedException();
        }
        if (batch.runId() != null && !batch.runId().equals(runId.toString())) {
            ErrorResponseException mismatch = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            mismatch.getBody().setTitle("Run id mismatch");
            mismatch.getBody().setDetail("The batch is for run " + batch.runId() + " but was posted to run " + runId);
            throw mismatch;
        }
        RunView run = runs.applyEngineEvents(runId, authorization.substring(BEARER.length()).strip(), batch);
        return new Acknowledged(runId, batch.sequence(), run.state());
    }
}
