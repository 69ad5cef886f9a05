package io.easel.server.model;

import io.easel.server.run.RunView;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Runs a batch scoring job, which the studio runs like any experiment (so not on a serving replica). */
@RestController
@StudioOnly
@RequestMapping("/api/models")
@Tag(name = "Models")
class BatchScoringController {

    private final BatchScoring batches;

    BatchScoringController(BatchScoring batches) {
        this.batches = batches;
    }

    @PostMapping("/{id}/versions/{version}/batch-score")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Score a whole file or table with a model version, as a run",
            description = "Runs the version's batch-scoring experiment, which reads the input, scores it in Spark "
                    + "with the version's PMML (the artefact its deployments serve) and writes the input's rows with "
                    + "the prediction and, for a classifier, probability_<class> columns appended. The first call "
                    + "creates it (tagged batch-scoring); each later call saves its input and output there as a new "
                    + "revision, so every job of the version is in that experiment's run history. Body: "
                    + "{\"input\": {\"format\": \"csv\" | \"parquet\" | \"jdbc\", \"path\": …} or {\"format\": "
                    + "\"jdbc\", \"connection\": …, \"table\": …}, \"output\": the same plus an optional \"mode\" "
                    + "(errorIfExists, overwrite; jdbc also append), \"probabilities\": true | false}. Paths must "
                    + "lie under the data roots, as for any run. Answers 202 at once with the run; poll it at the "
                    + "Location, cancel it like any run. A field the model needs that the input lacks fails the "
                    + "scoring node, naming the field.")
    @ApiResponse(responseCode = "202", description = "The run was started; Location is where to poll it")
    @ApiResponse(responseCode = "400", description = "The body misses a field or names an unknown format, naming "
            + "the field", content = @Content)
    @ApiResponse(responseCode = "403", description = "The caller may not run experiments in the workspace",
            content = @Content)
    @ApiResponse(responseCode = "404", description = "No such model or version", content = @Content)
    @ApiResponse(responseCode = "422", description = "The job's experiment is not runnable (e.g. a path outside the "
            + "data roots, an unknown connection), with the errors by node and param", content = @Content)
    ResponseEntity<RunView> batchScore(WorkspaceRef workspace, @PathVariable UUID id, @PathVariable int version,
            @RequestBody(required = false) BatchScoreRequest request) {
        RunView run = batches.start(workspace, id, version, request);
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + run.id())).body(run);
    }
}
