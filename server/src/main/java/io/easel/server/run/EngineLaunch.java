package io.easel.server.run;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Everything the engine of one run is started with.
 *
 * @param experimentFile the graph snapshot to run ({@code <data-dir>/runs/<runId>/experiment.json})
 * @param runDirectory the server-side directory of the run, also the process's working directory
 * @param logFile where the process's stdout and stderr go
 * @param workspace where the engine keeps the run's outputs (Hadoop FileSystem URI)
 * @param modelStore where the engine writes models (Hadoop FileSystem URI)
 * @param callbackUrl where the engine posts its events
 * @param callbackToken the bearer token those posts must carry
 */
public record EngineLaunch(UUID runId, Path experimentFile, Path runDirectory, Path logFile, String workspace,
        String modelStore, String callbackUrl, String callbackToken) {

    /** The engine's own arguments, after its main class. */
    public List<String> engineArguments() {
        return List.of(
                "--experiment", experimentFile.toString(),
                "--run-id", runId.toString(),
                "--workspace", workspace,
                "--model-store", modelStore,
                "--callback-url", callbackUrl,
                "--callback-token", callbackToken);
    }
}
