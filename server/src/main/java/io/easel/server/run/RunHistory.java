package io.easel.server.run;

import io.easel.component.Category;
import io.easel.graph.ExperimentGraph;
import io.easel.server.catalog.CatalogService;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.security.Access;
import io.easel.server.settings.StudioOnly;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * What an experiment's runs were and how they compare: the history with each run's revision, state, duration and
 * headline metrics; one past run's graph, to show its results as they were; two runs side by side (params and
 * evaluation reports); and the evaluation reports of one run's nodes side by side. Only evaluation and tuning
 * reports count as measures of a model: a split's sizes or a data profile are about the data. Readable by the
 * members of the runs' workspace; for anyone else the runs do not exist (404).
 */
@Service
@StudioOnly
public class RunHistory {

    private final ExperimentService experiments;
    private final RunLedger ledger;
    private final Access access;
    private final Predicate<String> measuresModels;

    RunHistory(ExperimentService experiments, RunLedger ledger, Access access, CatalogService catalog) {
        this.experiments = experiments;
        this.ledger = ledger;
        this.access = access;
        this.measuresModels = component -> catalog.find(component)
                .map(c -> c.category() == Category.EVALUATION).orElse(false);
    }

    /** The experiment's runs, newest first. */
    public List<RunSummary> of(UUID experimentId) {
        experiments.get(experimentId); // 404 for an experiment the caller may not see
        return ledger.history(experimentId).stream().map(run -> run.summary(measuresModels)).toList();
    }

    public RunSummary summary(UUID runId) {
        return readable(runId).summary(measuresModels);
    }

    /** The graph exactly as the run ran it (the experiment may have changed since). */
    public ExperimentGraph graph(UUID runId) {
        return readable(runId).graph();
    }

    /** Two runs (of any experiments the caller may read) side by side. */
    public RunComparison compare(UUID firstRunId, UUID secondRunId) {
        return RunComparisons.compare(readable(firstRunId), readable(secondRunId), measuresModels);
    }

    /** The evaluation reports of one run's nodes side by side, e.g. of several models on the same test rows. */
    public ReportComparison reports(UUID runId) {
        return RunComparisons.reports(List.of(readable(runId)), measuresModels);
    }

    /**
     * How the model that node {@code modelNodeId} trained in run {@code runId} measured on the evaluation nodes
     * downstream of it in the same run (model → predict → evaluate), with their stored metrics, in graph order. Empty
     * when no evaluation measured it, they have not finished yet, or the run is gone or not the caller's to see.
     */
    public List<ModelEvaluation> evaluationsOf(UUID runId, String modelNodeId) {
        // No exception for a run that is gone: the caller's transaction (reading a model version) must not roll back.
        return ledger.findRecord(runId)
                .filter(run -> access.caller().canRead(run.workspaceId()))
                .map(run -> run.reportsDownstreamOf(modelNodeId, measuresModels))
                .orElse(List.of()).stream()
                .map(report -> new ModelEvaluation(report.node().id(), report.node().label(),
                        report.node().component(), report.port(), report.result().metrics()))
                .toList();
    }

    private RunRecord readable(UUID runId) {
        RunRecord run = ledger.record(runId);
        access.requireRead(run.workspaceId(), () -> new RunNotFoundException(runId));
        return run;
    }
}
