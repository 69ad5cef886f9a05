package io.easel.server.model;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.ValidationError;
import io.easel.run.ModelStoreLocations;
import io.easel.server.experiment.WorkspaceGraphCheck;
import io.easel.server.settings.StudioOnly;
import io.easel.server.settings.WorkspaceDataRoots;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which model files a run may score with: the PMML of a model version of the run's own workspace, or a file under the
 * data roots (as any source reads). The engine alone would read any file of the model store, which holds every
 * workspace's models, so a location typed by hand into a {@value BatchScoring#SCORE_COMPONENT} node is judged here,
 * with the experiment's validation (the canvas flags it, Run refuses it), and another workspace's model is refused as
 * if it did not exist.
 */
@Component
@StudioOnly
class ModelLocationPolicy implements WorkspaceGraphCheck {

    /** The param of {@value BatchScoring#SCORE_COMPONENT} that names the PMML file. */
    static final String MODEL_PARAM = "model";

    private final ModelStore store;
    private final ModelRepository models;
    private final ModelVersionRepository versions;
    private final WorkspaceDataRoots dataRoots;

    ModelLocationPolicy(ModelStore store, ModelRepository models, ModelVersionRepository versions,
            WorkspaceDataRoots dataRoots) {
        this.store = store;
        this.models = models;
        this.versions = versions;
        this.dataRoots = dataRoots;
    }

    @Override
    public List<ValidationError> errors(UUID workspaceId, ExperimentGraph graph) {
        List<ValidationError> refusals = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (BatchScoring.SCORE_COMPONENT.equals(node.component())
                    && node.params().get(MODEL_PARAM) instanceof String location && !location.isBlank()) {
                refusal(workspaceId, location.strip()).ifPresent(reason -> refusals.add(new ValidationError(
                        node.id(), MODEL_PARAM, null, ValidationError.Code.PATH_NOT_ALLOWED, "Node '" + node.id()
                                + "' (" + node.component() + "): param '" + MODEL_PARAM + "': " + reason)));
            }
        }
        return refusals;
    }

    private Optional<String> refusal(UUID workspaceId, String location) {
        Optional<String> inStore = store.pathInStore(location);
        if (inStore.isPresent()) {
            return isVersionOf(workspaceId, inStore.get(), ModelStoreLocations.normalise(location)) ? Optional.empty()
                    : Optional.of("'" + location + "' is not the PMML of a model version of this workspace; use "
                            + "the PMML location shown on one of its model versions");
        }
        try {
            dataRoots.of(workspaceId).resolve(location);
            return Optional.empty();
        } catch (IllegalArgumentException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** Whether a version of the workspace has its PMML there (the store keeps each run's models in its directory). */
    private boolean isVersionOf(UUID workspaceId, String inStore, URI pmml) {
        Optional<UUID> runId = runId(inStore.split("/", 2)[0]);
        return runId.isPresent() && versions.findByRunIdOrderByNodeId(runId.get()).stream()
                .filter(version -> ModelStoreLocations.normalise(version.pmmlUri()).equals(pmml))
                .anyMatch(version -> models.findById(version.modelId())
                        .filter(model -> model.workspaceId().equals(workspaceId)).isPresent());
    }

    private static Optional<UUID> runId(String directory) {
        try {
            return Optional.of(UUID.fromString(directory));
        } catch (IllegalArgumentException notARun) {
            return Optional.empty();
        }
    }
}
