package io.easel.server.model;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.PortRef;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.run.RunOptions;
import io.easel.server.run.RunService;
import io.easel.server.run.RunTrigger;
import io.easel.server.run.RunView;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Batch scoring as a job: an experiment of three nodes (read the table, score it with the version's PMML, write the
 * result), created for the caller in the version's workspace and started through the ordinary run path, so the job
 * is in the run history, can be cancelled, and fails on the node that failed, with its reason. Scoring with the
 * version's PMML, the artefact its deployments serve, makes batch and online predictions agree. Reading and writing
 * go through the source and sink components, so the data roots and connections rules of every run apply.
 */
@Service
@StudioOnly
class BatchScoring {

    /** The id of the scoring component (io.easel.components.builtin.prediction.ScoreWithModel, engine side). */
    static final String SCORE_COMPONENT = "score-with-model";

    private static final int MAX_MODEL_NAME_IN_TITLE = 100;

    private final ModelService models;
    private final ExperimentService experiments;
    private final RunService runs;

    BatchScoring(ModelService models, ExperimentService experiments, RunService runs) {
        this.models = models;
        this.experiments = experiments;
        this.runs = runs;
    }

    /**
     * Creates and starts the job.
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
        String name = "Batch scoring: " + abbreviated(scored.modelName()) + " v" + version;
        ExperimentView experiment = experiments.create(workspace, name, "Scores " + request.input().describe()
                + " with version " + version + " of model " + scored.modelName() + " (" + modelId + ") into "
                + request.output().describe() + ".", graph);
        return runs.start(experiment.id(), RunOptions.reuse(), RunTrigger.MANUAL);
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

    private static String abbreviated(String modelName) {
        return modelName.length() <= MAX_MODEL_NAME_IN_TITLE ? modelName
                : modelName.substring(0, MAX_MODEL_NAME_IN_TITLE) + "…";
    }
}
