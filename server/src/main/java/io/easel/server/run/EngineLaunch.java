package io.easel.server.run;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Everything the engine of one run is started with.
 *
 * @param experiment where the driver reads the graph snapshot: the local file
 *     {@code <data-dir>/runs/<runId>/experiment.json} in client deploy mode, its copy in the workspace
 *     ({@code <workspace>/<runId>/experiment.json}, any Hadoop FileSystem URI) in cluster deploy mode
 * @param runDirectory the server-side directory of the run, also the launching process's working directory
 * @param logFile where the launching process's stdout and stderr go
 * @param workspace where the engine keeps the run's outputs (Hadoop FileSystem URI)
 * @param modelStore where the engine writes models (Hadoop FileSystem URI)
 * @param callbackUrl where the engine posts its events
 * @param callbackToken the bearer token those posts must carry
 * @param settings master, deploy mode, resources and Spark settings of this run
 */
public record EngineLaunch(UUID runId, String experiment, Path runDirectory, Path logFile, String workspace,
        String modelStore, String callbackUrl, String callbackToken, LaunchSettings settings) {

    /** The engine's own arguments, after its main class. */
    public List<String> engineArguments() {
        return List.of(
                "--experiment", experiment,
                "--run-id", runId.toString(),
                "--workspace", workspace,
                "--model-store", modelStore,
                "--callback-url", callbackUrl,
                "--callback-token", callbackToken);
    }
}
