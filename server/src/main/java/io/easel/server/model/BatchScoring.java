package io.easel.server.model;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.PortRef;
import io.easel.server.experiment.ExperimentEdit;
import io.easel.server.experiment.ExperimentNotFoundException;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.experiment.SaveKind;
import io.easel.server.experiment.StaleExperimentException;
import io.easel.server.run.RunOptions;
import io.easel.server.run.RunService;
import io.easel.server.run.RunTrigger;
import io.easel.server.run.RunView;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch scoring as a job: an experiment of three nodes (read the table, score it with the version's PMML, write the
 * result), one per model version (created by its first call, reused by the next ones) in the version's workspace and
 * started through the ordinary run path, so each job is in the experiment's run history, can be cancelled, and fails
 * on the node that failed, with its reason. Scoring with the
 * version's PMML, the artefact its deployments serve, makes batch and online predictions agree. Reading and writing
 * go through the source and sink components, so the data roots and connections rules of every run apply.
 */
@Service
@StudioOnly
class BatchScoring {

    /** The id of the scoring component (io.easel.components.builtin.prediction.ScoreWithModel, engine side). */
    static final String SCORE_COMPONENT = "score-with-model";

    private static final int MAX_MODEL_NAME_IN_TITLE = 100;

    /** Saves of the version's experiment tried when parallel calls keep saving it in between. */
    private static final int MAX_SAVE_ATTEMPTS = 5;

    /** What a revision's message may hold (experiment_revisions.message). */
    private static final int MAX_REVISION_MESSAGE = 500;

    /** The tag of batch-scoring experiments, by which the experiment list finds them (or leaves them out). */
    static final String TAG = "batch-scoring";

    private final ModelService models;
    private final ModelVersionRepository versions;
    private final ExperimentService experiments;
    private final RunService runs;
    private final TransactionTemplate transactions;

    BatchScoring(ModelService models, ModelVersionRepository versions, ExperimentService experiments,
            RunService runs, PlatformTransactionManager transactions) {
        this.models = models;
        this.versions = versions;
        this.experiments = experiments;
        this.runs = runs;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Starts the job in the version's batch-scoring experiment: the first call creates it (tagged
     * {@value #TAG}), each later one saves the call's input and output into it as a new revision, so the experiment
     * list holds one experiment per version scored and its run history every job.
     *
     * @throws ModelNotFoundException (404) for an unknown model or version, or one of another workspace
     * @throws BatchScoreRequestException (400) naming the first field that is missing or unusable
     * @throws io.easel.server.security.ForbiddenException (403) for callers who may not run experiments
     */
    RunView start(WorkspaceRef workspace, UUID modelId, int version, BatchScoreRequest request) {
        ModelVersionView scored = models.version(modelId, version);
        if (!scored.workspaceId().equals(workspace.id())) {
            throw ModelNotFoundException.version(modelId, version);
        }
        ExperimentGraph graph = graph(scored, request);
        String job = request.input().describe() + " into " + request.output().describe();
        VersionExperiment found = versionExperiment(workspace, scored, graph);
        ExperimentView experiment = found.created() ? found.experiment()
                : saved(found.experiment(), graph, abbreviated("Batch scoring of " + job, MAX_REVISION_MESSAGE));
        // This call's revision: a parallel call of the same version may have saved another one since.
        return runs.start(experiment.id(), experiment.revision(), RunOptions.reuse(), RunTrigger.MANUAL);
    }

    /** The job's graph saved into the version's experiment, over whatever parallel calls saved in the meantime. */
    private ExperimentView saved(ExperimentView reused, ExperimentGraph graph, String message) {
        ExperimentView current = reused;
        for (int attempt = 1; ; attempt++) {
            try {
                return experiments.save(current.id(), current.version(), new ExperimentEdit(null, null, null, graph,
                        null, SaveKind.save(message)));
            } catch (StaleExperimentException raced) {
                if (attempt == MAX_SAVE_ATTEMPTS) {
                    throw raced;
                }
                current = experiments.get(current.id());
            }
        }
    }

    /** The version's batch-scoring experiment, and whether this call created it (with the call's graph). */
    private record VersionExperiment(ExperimentView experiment, boolean created) {}

    /**
     * The version's batch-scoring experiment, created (tagged {@value #TAG}, with this call's graph) when it has none
     * or it was deleted (or is in the trash). Creating locks the version's row until the new experiment is remembered,
     * so parallel first calls, on any replica, create it once: the later ones wait, then find the one remembered.
     */
    private VersionExperiment versionExperiment(WorkspaceRef workspace, ModelVersionView scored,
            ExperimentGraph graph) {
        UUID modelId = scored.modelId();
        int version = scored.version();
        Optional<UUID> known = versions.findByModelIdAndVersion(modelId, version)
                .flatMap(ModelVersionEntity::batchExperimentId);
        Optional<ExperimentView> existing = known.flatMap(this::unlessDeleted);
        if (existing.isPresent()) {
            return new VersionExperiment(existing.get(), false);
        }
        return transactions.execute(status -> {
            Optional<UUID> remembered = versions.findForUpdateByModelIdAndVersion(modelId, version)
                    .flatMap(ModelVersionEntity::batchExperimentId);
            if (remembered.isPresent() && !remembered.equals(known)) {
                return new VersionExperiment(experiments.get(remembered.get()), false);
            }
            ExperimentView created = experiments.create(workspace, new ExperimentEdit(
                    "Batch scoring: " + abbreviated(scored.modelName(), MAX_MODEL_NAME_IN_TITLE) + " v" + version,
                    "Batch scoring with version " + version + " of model " + scored.modelName() + " (" + modelId
                            + "): each batch-score call saves its input and output here as a new revision and runs it.",
                    List.of(TAG), graph, null, SaveKind.SAVE));
            versions.rememberBatchExperiment(modelId, version, created.id());
            return new VersionExperiment(created, true);
        });
    }

    /** The experiment, unless it was deleted or is in the trash. */
    private Optional<ExperimentView> unlessDeleted(UUID experimentId) {
        try {
            return Optional.of(experiments.get(experimentId));
        } catch (ExperimentNotFoundException deleted) {
            return Optional.empty();
        }
    }

    /** input → score-with-model → output. */
    private static ExperimentGraph graph(ModelVersionView scored, BatchScoreRequest request) {
        if (request == null) {
            throw new BatchScoreRequestException("body", "is required: give input and output");
        }
        if (request.input() == null) {
            throw new BatchScoreRequestException("input", "is required");
        }
        if (request.output() == null) {
            throw new BatchScoreRequestException("output", "is required");
        }
        Map<String, Object> scoring = new LinkedHashMap<>();
        scoring.put("model", scored.pmmlUri());
        if (request.probabilities() != null) {
            scoring.put("probabilities", request.probabilities());
        }
        List<Node> nodes = List.of(
                Node.of("input", request.input().format("input").source, request.input().params("input"))
                        .at(80, 120),
                Node.of("score", SCORE_COMPONENT, scoring).withLabel(scored.modelName() + " v" + scored.version())
                        .at(320, 120),
                Node.of("output", request.output().format("output").sink, request.output().params("output"))
                        .at(560, 120));
        List<Edge> edges = List.of(
                new Edge(new PortRef("input", "out"), new PortRef("score", "in")),
                new Edge(new PortRef("score", "out"), new PortRef("output", "in")));
        return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, nodes, edges);
    }

    private static String abbreviated(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
