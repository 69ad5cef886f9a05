package io.easel.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The content of a run's {@code status.json} ({@link WorkspaceLayout#status}): how the run ended, where each node
 * ended, and the models it exported. The engine writes it once at the end, so the outcome of a run survives a
 * callback that never got through; the server reads it when the engine ended or went silent without its callbacks
 * reporting the end, and for runs that outlived the server process that started them.
 *
 * @param started null when Spark never came up
 * @param nodes the last status event of each node, in the order the nodes first reported
 * @param models every model the run exported
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunStatus(String runId, RunEvent.RunStarted started, RunEvent.RunFinished finished,
        List<RunEvent.NodeStatusChanged> nodes, List<RunEvent.ModelExported> models) {

    public RunStatus {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        models = models == null ? List.of() : List.copyOf(models);
    }

    /** Whether the engine got as far as writing a final state. */
    public boolean tellsTheEnd() {
        return finished != null && finished.state() != null && finished.state().isFinal();
    }
}
