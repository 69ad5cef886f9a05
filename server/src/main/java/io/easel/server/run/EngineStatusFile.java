package io.easel.server.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.easel.run.RunEvent;
import java.util.List;

/**
 * What the engine writes to {@code <workspace>/<runId>/status.json} when a run ends (the engine's
 * {@code RunStatus}); read when the engine ended or went silent without its callbacks reporting the end, and for
 * runs that outlived the server process that started them.
 *
 * @param started null when Spark never came up
 * @param models every model the run exported, registered exactly as if the callback had reported them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EngineStatusFile(String runId, RunEvent.RunStarted started, RunEvent.RunFinished finished,
        List<RunEvent.NodeStatusChanged> nodes, List<RunEvent.ModelExported> models) {

    EngineStatusFile {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        models = models == null ? List.of() : List.copyOf(models);
    }

    /** The final state the engine wrote, if it got that far. */
    boolean tellsTheEnd() {
        return finished != null && finished.state() != null && finished.state().isFinal();
    }
}
