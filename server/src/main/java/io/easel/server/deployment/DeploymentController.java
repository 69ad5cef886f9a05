package io.easel.server.deployment;

import io.easel.server.deployment.drift.DriftReport;
import io.easel.server.security.WorkspaceRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading deployments and what hangs off them (gate, drift, prediction log, recent figures): on every replica, the serving ones
 * included. Every change to them is in {@link DeploymentChangesController}, which exists in the studio only; the split
 * is by replica, since {@code @StudioOnly} keeps or drops a whole controller.
 */
@RestController
@Tag(name = "Deployments", description = "Model versions served as REST scoring endpoints (/api/score/{name})")
class DeploymentController {

    private static final String FROM = "Only predictions scored at or after this time (ISO 8601, e.g. "
            + "2026-01-31T12:00:00Z); absent for no lower bound";
    private static final String TO = "Only predictions scored before this time (ISO 8601); absent for no upper bound";

    private final DeploymentService deployments;
    private final DeploymentGate gates;
    private final ScoringService scoring;
    private final PredictionLog log;

    DeploymentController(DeploymentService deployments, DeploymentGate gates, ScoringService scoring,
            PredictionLog log) {
        this.deployments = deployments;
        this.gates = gates;
        this.scoring = scoring;
        this.log = log;
    }

    @GetMapping("/api/deployments")
    @Operation(summary = "The workspace's deployments, by name")
    List<DeploymentView> list(WorkspaceRef workspace) {
        return deployments.list(workspace);
    }

    @GetMapping("/api/deployments/{name}")
    @Operation(summary = "One deployment: its model version, endpoint path and input fields")
    @ApiResponse(responseCode = "200", description = "The deployment")
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    DeploymentView get(WorkspaceRef workspace, @PathVariable String name) {
        return deployments.get(workspace, name);
    }

    @GetMapping("/api/deployments/{name}/gate")
    @Operation(summary = "The rules every version the deployment is pointed at must pass")
    @ApiResponse(responseCode = "200", description = "The gate; no rules when it has none")
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    Gate gate(WorkspaceRef workspace, @PathVariable String name) {
        return gates.get(workspace, name);
    }

    @GetMapping("/api/deployments/{name}/drift")
    @Operation(summary = "Input drift: PSI per feature between each served version's training data and the records it "
            + "scored lately on this server, features at or above the threshold flagged")
    @ApiResponse(responseCode = "200", description = "The drift of the served version (and of the canary, if one runs)")
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    DriftReport drift(WorkspaceRef workspace, @PathVariable String name) {
        return scoring.drift(workspace, name);
    }

    @GetMapping("/api/deployments/{name}/prediction-log")
    @Operation(summary = "Whether the deployment logs its predictions, and which share of the records",
            description = "Off by default. While on, each scored record is logged with probability sampleRate.")
    @ApiResponse(responseCode = "200", description = "The settings")
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    PredictionLogSettings settings(WorkspaceRef workspace, @PathVariable String name) {
        return log.settings(workspace, name);
    }

    @GetMapping("/api/deployments/{name}/predictions")
    @Operation(summary = "The deployment's logged predictions, newest first, page by page",
            description = "Each entry: when it was scored, the scoring request (its records share the id) and the "
                    + "record's place in it, the model version that answered, the record as the client sent it "
                    + "(`inputs`) and what the answer said for it (`outputs`: prediction, probabilities, score).")
    @ApiResponse(responseCode = "200", description = "The page, with the total over all pages")
    @ApiResponse(responseCode = "400", description = "A time that is not ISO 8601, a range that holds no time, or a "
            + "page or size out of range; the detail and `field` name it", content = @Content)
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    PredictionPage predictions(WorkspaceRef workspace, @PathVariable String name,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Predictions per page, 1 to " + PredictionQuery.MAX_SIZE)
            @RequestParam(defaultValue = "" + PredictionQuery.DEFAULT_SIZE) int size) {
        return log.page(workspace, name, PredictionQuery.of(from, to, page, size));
    }

    @GetMapping("/api/deployments/{name}/predictions/download")
    @Operation(summary = "Download the deployment's logged predictions as CSV",
            description = "Every logged prediction in the time range, newest first, streamed as CSV (UTF-8, a header "
                    + "row): scored_at, request_id, record, model_version, one column per input of the version the "
                    + "deployment serves now, prediction, score and probabilities (a JSON object). Saved as "
                    + "<deployment>-predictions.csv, ready to upload into an experiment.")
    @ApiResponse(responseCode = "200", description = "The CSV file")
    @ApiResponse(responseCode = "400", description = "A time that is not ISO 8601, or a range that holds no time",
            content = @Content)
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    void download(WorkspaceRef workspace, @PathVariable String name,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        PredictionQuery query = PredictionQuery.everyPage(from, to);
        // Checked before the headers: an unknown deployment is a 404 problem, not an empty file.
        log.settings(workspace, name);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + "-predictions.csv", StandardCharsets.UTF_8).build().toString());
        log.writeCsv(workspace, name, query, response.getOutputStream());
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
