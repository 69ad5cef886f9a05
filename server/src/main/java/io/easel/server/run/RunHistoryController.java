package io.easel.server.run;

import io.easel.graph.ExperimentGraph;
import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@RequestMapping("/api")
@Tag(name = "Run history", description = "An experiment's past runs, and runs and evaluation reports compared")
class RunHistoryController {

    private final RunHistory history;

    RunHistoryController(RunHistory history) {
        this.history = history;
    }

    @GetMapping("/experiments/{experimentId}/runs/history")
    @Operation(summary = "The experiment's run history, newest first", description = "Each run with the revision "
            + "it ran, its state, duration and the headline metrics of its evaluation and tuning reports. Open a "
            + "past run's results with GET /api/runs/{runId}, …/graph and …/nodes/{nodeId}.")
    List<RunSummary> history(@PathVariable UUID experimentId) {
        return history.of(experimentId);
    }

    @GetMapping("/runs/{runId}/graph")
    @Operation(summary = "The graph as the run ran it", description = "The experiment may have changed since.")
    ExperimentGraph graph(@PathVariable UUID runId) {
        return history.graph(runId);
    }

    @GetMapping("/runs/{runId}/compare/{otherRunId}")
    @Operation(summary = "Two runs side by side", description = "Both runs' summaries; every node's params in "
            + "each run, changed ones flagged; and the evaluation reports of both, with their metrics and the "
            + "curves (ROC, precision–recall, gain …) of the same node to overlay.")
    RunComparison compare(@PathVariable UUID runId, @PathVariable UUID otherRunId) {
        return history.compare(runId, otherRunId);
    }

    @GetMapping("/runs/{runId}/reports")
    @Operation(summary = "A run's evaluation reports side by side", description = "Every evaluation and tuning "
            + "report of the run with its metrics and curves, e.g. to compare several models evaluated on the same "
            + "rows.")
    ReportComparison reports(@PathVariable UUID runId) {
        return history.reports(runId);
    }
}
