package io.easel.server.deployment;

import io.easel.server.security.WorkspaceRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading a deployment's prediction log and its settings: on every replica. */
@RestController
@Tag(name = "Deployments")
class PredictionLogController {

    private static final String FROM = "Only predictions scored at or after this time (ISO 8601, e.g. "
            + "2026-01-31T12:00:00Z); absent for no lower bound";
    private static final String TO = "Only predictions scored before this time (ISO 8601); absent for no upper bound";

    private final PredictionLog log;

    PredictionLogController(PredictionLog log) {
        this.log = log;
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
}
