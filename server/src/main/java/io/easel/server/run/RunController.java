package io.easel.server.run;

import io.easel.run.RunScope;
import io.easel.server.experiment.InvalidExperimentException;
import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@RequestMapping("/api")
@Tag(name = "Runs", description = "Running experiments on the Spark engine, following and cancelling runs, and "
        + "reading what each node produced")
class RunController {

    /**
     * The optional body of starting a run.
     *
     * @param force run every node, reusing nothing earlier runs stored
     * @param forceNodes run these nodes whatever was stored
     * @param scope which nodes run; all when absent
     */
    record RunRequest(Boolean force, @Size(max = 10_000) List<@NotBlank String> forceNodes, Scope scope) {

        /**
         * @param kind {@code all}, {@code from} (the node and what is downstream), {@code to} (the node and what it
         *     needs upstream) or {@code only} (the node alone, on the stored outputs of its inputs)
         * @param node the node, for every kind but {@code all}
         */
        record Scope(String kind, String node) {}

        /** @throws InvalidExperimentException (400) naming the field of a scope that is not one */
        RunOptions options() {
            return new RunOptions(null, Boolean.TRUE.equals(force), forceNodes, null, runScope(), 0);
        }

        private RunScope runScope() {
            if (scope == null) {
                return RunScope.ALL;
            }
            RunScope.Kind kind;
            try {
                kind = RunScope.Kind.fromJson(scope.kind());
            } catch (IllegalArgumentException e) {
                throw new InvalidExperimentException("scope.kind", e.getMessage());
            }
            try {
                return new RunScope(kind, scope.node());
            } catch (IllegalArgumentException e) {
                throw new InvalidExperimentException("scope.node", e.getMessage());
            }
        }
    }

    private final RunService runs;

    RunController(RunService runs) {
        this.runs = runs;
    }

    @PostMapping("/experiments/{experimentId}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Run an experiment", description = "Validates the saved experiment (422 with the errors by "
            + "node, param and port when it is not runnable), snapshots its graph and starts the engine. Answers "
            + "202 at once; poll the run or its node results. Nodes whose fingerprint matches outputs an earlier run "
            + "stored are not run again but reuse them (the node view says from which run); the optional body "
            + "{\"force\": true} runs every node, {\"forceNodes\": [ids]} those nodes, whatever was stored. "
            + "{\"scope\": {\"kind\": \"from\" | \"to\" | \"only\", \"node\": id}} runs part of the graph: the node "
            + "and what is downstream, the node and what it needs upstream, or the node alone; the nodes upstream "
            + "that feed it must have stored outputs for their current settings, the others are 'not_in_run'. "
            + "400 naming scope.kind or scope.node when the scope is not one.")
    ResponseEntity<RunView> start(@PathVariable UUID experimentId,
            @Valid @RequestBody(required = false) RunRequest request) {
        RunView run = runs.start(experimentId, request == null ? RunOptions.reuse() : request.options());
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + run.id())).body(run);
    }

    @GetMapping("/experiments/{experimentId}/runs")
    @Operation(summary = "The runs of an experiment, newest first")
    List<RunView> runsOf(@PathVariable UUID experimentId) {
        return runs.runsOf(experimentId);
    }

    @GetMapping("/experiments/{experimentId}/stale-nodes")
    @Operation(summary = "The nodes whose last outputs are out of date", description = "Per node of the saved "
            + "experiment that succeeded in an earlier run: whether an edit since (a param, a connection, anything "
            + "upstream) changed what defines its outputs, with the run it last succeeded in and what changed. Told "
            + "without running anything: a changed input file is only found by the next run.")
    Map<String, StaleNode> staleNodes(@PathVariable UUID experimentId) {
        return runs.staleNodes(experimentId);
    }

    @GetMapping("/runs/{runId}")
    @Operation(summary = "A run with the state of each node")
    RunView get(@PathVariable UUID runId) {
        return runs.get(runId);
    }

    @PostMapping("/runs/{runId}/cancel")
    @Operation(summary = "Cancel a run", description = "Stops its engine; unfinished nodes are skipped. A run that "
            + "has already ended is answered unchanged.")
    RunView cancel(@PathVariable UUID runId) {
        return runs.cancel(runId);
    }

    @GetMapping("/runs/{runId}/nodes/{nodeId}")
    @Operation(summary = "What one node of a run produced", description = "Per output port: its spec, and for "
            + "tables the row count and first rows, for models and reports the metrics and charts.")
    NodeResultView nodeResult(@PathVariable UUID runId, @PathVariable String nodeId) {
        return runs.nodeResult(runId, nodeId);
    }

    /** Where the next page of a log starts: pass it back as {@code offset} to tail the log. */
    static final String NEXT_OFFSET = "Easel-Log-Next-Offset";
    /** "true" when the log file already holds more than the page (ask again at once). */
    static final String MORE = "Easel-Log-More";

    @GetMapping({"/runs/{runId}/log", "/runs/{runId}/nodes/{nodeId}/log"})
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "The run's log, or one node's lines of it, page by page", description = "The driver's lines "
            + "of the run as text, one a line (time in UTC, level, [node], logger: message; a stack trace indented "
            + "below): Easel's own lines, Spark's warnings and errors, each tagged with the node that was running; "
            + "/nodes/{nodeId}/log answers only that node's. Kept with the run in its workspace, readable while it "
            + "runs and after it ended; capped at 4 MB a run (a last line says so). offset is a byte position in the "
            + "log file, the same for the run's log and each node's: start at 0 and pass back the "
            + "Easel-Log-Next-Offset header to get only what was added since (Easel-Log-More: true means more is "
            + "there already).")
    @ApiResponse(responseCode = "200", description = "A page of the log; empty when nothing is new",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
            headers = {
                @Header(name = NEXT_OFFSET, description = "Where the next page starts",
                        schema = @Schema(type = "integer")),
                @Header(name = MORE, description = "Whether the log already holds more than this page",
                        schema = @Schema(type = "boolean"))})
    @ApiResponse(responseCode = "400", description = "A negative offset", content = @Content)
    @ApiResponse(responseCode = "404", description = "No such run, or no such node in it, or a run of a workspace "
            + "the caller is not a member of", content = @Content)
    ResponseEntity<String> log(@PathVariable UUID runId, @PathVariable(required = false) String nodeId,
            @Parameter(description = "Byte position in the log file to start from") @RequestParam(defaultValue = "0")
            long offset) {
        return text(runs.log(runId, nodeId, offset));
    }

    private static ResponseEntity<String> text(RunLogPage page) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(NEXT_OFFSET, Long.toString(page.nextOffset()))
                .header(MORE, Boolean.toString(page.more()))
                .body(page.text());
    }
}
