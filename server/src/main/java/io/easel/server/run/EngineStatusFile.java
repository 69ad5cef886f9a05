package io.easel.server.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.easel.run.RunEvent;
import java.util.List;

/**
 * What the engine writes to {@code <workspace>/<runId>/status.json} when a run ends (the engine's
 * {@code RunStatus}); read when a run outlived the server process that started it.
 *
 * @param started null when Spark never came up
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EngineStatusFile(String runId, RunEvent.RunStarted started, RunEvent.RunFinished finished,
        List<RunEvent.NodeStatusChanged> nodes) {

    EngineStatusFile {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
