package io.easel.server.deployment;

import io.easel.server.security.WorkspaceRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A deployment's recent scoring figures, minute by minute: on every replica, each answering for itself. */
@RestController
@Tag(name = "Deployments")
class ScoringTimelineController {

    private final ScoringService scoring;

    ScoringTimelineController(ScoringService scoring) {
        this.scoring = scoring;
    }

    @GetMapping("/api/deployments/{name}/figures")
    @Operation(summary = "The deployment's scoring on this server, minute by minute: requests per second, error rate "
            + "and p99 latency of every version together, for the last hour at most")
    @ApiResponse(responseCode = "200", description = "One entry per minute, oldest first, the current (still running) "
            + "minute last; minutes without requests have zero requests and no error rate or latency")
    @ApiResponse(responseCode = "400", description = "`minutes` out of range (1 to 60); the detail names it",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No deployment of that name",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ScoringTimeline figures(WorkspaceRef workspace, @PathVariable String name,
            @Parameter(description = "How many minutes back, the current one included: 1 to 60")
            @RequestParam(defaultValue = "60") int minutes) {
        return scoring.timeline(workspace, name, minutes);
    }
}
