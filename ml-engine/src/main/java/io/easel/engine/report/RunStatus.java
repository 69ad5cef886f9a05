package io.easel.engine.report;

import io.easel.run.RunEvent;
import java.util.List;

/**
 * The content of a run's {@code status.json}: how the run ended, where each node ended, and the models it exported.
 * Written once at the end, so the outcome of a run survives a callback that never got through.
 *
 * @param nodes the last status event of each node, in the order the nodes first reported
 */
public record RunStatus(String runId, RunEvent.RunStarted started, RunEvent.RunFinished finished,
        List<RunEvent.NodeStatusChanged> nodes, List<RunEvent.ModelExported> models) {

    public RunStatus {
        nodes = List.copyOf(nodes);
        models = List.copyOf(models);
    }
}
