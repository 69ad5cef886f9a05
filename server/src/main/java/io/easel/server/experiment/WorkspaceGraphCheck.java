package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.ValidationError;
import java.util.List;
import java.util.UUID;

/**
 * A check a feature adds to the validation of every experiment, for what only the server knows (whose is a model
 * file), which the validator shared with the engine cannot see. Its errors join the experiment's validation, so the
 * canvas flags them on their node as soon as the graph is edited, and a run of the graph is refused with them (422).
 */
public interface WorkspaceGraphCheck {

    /** The reasons the graph may not run in the workspace, placed on their node and param; empty when it may. */
    List<ValidationError> errors(UUID workspaceId, ExperimentGraph graph);
}
