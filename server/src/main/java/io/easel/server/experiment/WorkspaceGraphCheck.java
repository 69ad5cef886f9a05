package io.easel.server.run;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.ValidationError;
import java.util.List;
import java.util.UUID;

/**
 * A check a feature adds to every run start, after the graph validated and before anything is launched: for what only
 * the server knows (whose is a model file), which the validator shared with the engine cannot see. A refusal is one
 * error per node and param, answered like the validator's (422, {@link InvalidGraphException}).
 */
public interface RunPrecondition {

    /** The reasons the graph may not run in the workspace, placed on their node and param; empty when it may. */
    List<ValidationError> refusals(UUID workspaceId, ExperimentGraph graph);
}
