package io.easel.server.deployment;

import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Switching a deployment's prediction log: in the studio only, like every change to deployments. */
@RestController
@StudioOnly
@Tag(name = "Deployments")
class PredictionLogChangesController {

    private final PredictionLog log;

    PredictionLogChangesController(PredictionLog log) {
        this.log = log;
    }

    @PutMapping("/api/deployments/{name}/prediction-log")
    @Operation(summary = "Switch the deployment's prediction log on or off, and set its sample rate",
            description = "Body {\"enabled\": true, \"sampleRate\": 0.25}; a field left out keeps its value. Every "
                    + "replica follows within seconds. Logged predictions are kept for "
                    + "easel.serving.prediction-log.retention (30 days by default).")
    @ApiResponse(responseCode = "200", description = "The settings as stored")
    @ApiResponse(responseCode = "400", description = "Nothing to change, or a sample rate that is not a number more "
            + "than 0 and at most 1; the detail names the field", content = @Content)
    @ApiResponse(responseCode = "403", description = "A viewer", content = @Content)
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    PredictionLogSettings replace(WorkspaceRef workspace, @PathVariable String name,
            @RequestBody(required = false) PredictionLogSettings settings) {
        return log.replaceSettings(workspace, name, settings);
    }
}
