package io.easel.server.run;

import io.easel.run.DataRoots;
import io.easel.run.JdbcConnections;
import io.easel.server.settings.StoredJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * @param pluginJars the plugin jars of components the engine loads beside its own (absolute paths on this machine)
 * @param dataRoots where the run's file sources may read (the server's, never the experiment's), with the uploads of
 *     the run's workspace
 * @param connections the database connections the run's nodes may name (the server's, never the experiment's); they
 *     travel in the engine's environment only, so a driver that does not inherit it (cluster deploy mode on YARN or
 *     Kubernetes) has none
 * @param options how the run treats the node outputs earlier runs stored
 */
public record EngineLaunch(UUID runId, String experiment, Path runDirectory, Path logFile, String workspace,
        String modelStore, String callbackUrl, String callbackToken, LaunchSettings settings, List<Path> pluginJars,
        DataRoots dataRoots, JdbcConnections connections, RunOptions options) {

    public EngineLaunch {
        pluginJars = List.copyOf(pluginJars);
        options = options == null ? RunOptions.reuse() : options;
    }

    /** A launch that reuses stored outputs wherever it can, with no previous run to compare with. */
    public EngineLaunch(UUID runId, String experiment, Path runDirectory, Path logFile, String workspace,
            String modelStore, String callbackUrl, String callbackToken, LaunchSettings settings,
            List<Path> pluginJars, DataRoots dataRoots, JdbcConnections connections) {
        this(runId, experiment, runDirectory, logFile, workspace, modelStore, callbackUrl, callbackToken, settings,
                pluginJars, dataRoots, connections, RunOptions.reuse());
    }

    /** The environment variable the engine reads its callback token from (the engine's EngineArguments). */
    public static final String TOKEN_VARIABLE = "EASEL_CALLBACK_TOKEN";

    /**
     * The engine's own arguments, after its main class. The callback token is never among them where the driver
     * can get it in {@link #TOKEN_VARIABLE}, out of process listings and the Spark UI: from the submitting process's
     * environment, or (cluster deploy mode on YARN or Kubernetes) from {@link #secretSparkSettings()}. Only a
     * cluster manager with neither gets it as an argument.
     */
    public List<String> engineArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--experiment", experiment,
                "--run-id", runId.toString(),
                "--workspace", workspace,
                "--model-store", modelStore,
                "--callback-url", callbackUrl));
        for (DataRoots.Location root : dataRoots.roots()) {
            if (!root.equals(dataRoots.samples()) && !root.equals(dataRoots.uploads())) {
                arguments.addAll(List.of("--data-root", root.uri()));
            }
        }
        if (dataRoots.samples() != null) {
            arguments.addAll(List.of("--samples", dataRoots.samples().uri()));
        }
        if (dataRoots.uploads() != null) {
            List<String> own = dataRoots.uploads().segments();
            arguments.addAll(List.of("--uploads-area", dataRoots.uploadsArea().uri(),
                    "--uploads-workspace", own.getLast()));
        }
        if (!settings.driverInheritsSubmitterEnvironment()
                && settings.driverEnvironmentSettingPrefix().isEmpty()) {
            arguments.addAll(List.of("--callback-token", callbackToken));
        }
        arguments.addAll(options.engineArguments());
        return List.copyOf(arguments);
    }

    /**
     * Spark settings that carry secrets to a driver started far from the submitting process (cluster deploy mode on
     * YARN or Kubernetes): the callback token as the driver's {@link #TOKEN_VARIABLE}. They go to spark-submit in a
     * properties file only its owner reads ({@link SecretSparkSettings}), never on its command line.
     */
    public Map<String, String> secretSparkSettings() {
        return settings.driverEnvironmentSettingPrefix()
                .map(prefix -> Map.of(prefix + TOKEN_VARIABLE, callbackToken))
                .orElse(Map.of());
    }

    /** What the submitting process's environment must hold for the driver. */
    public Map<String, String> engineEnvironment() {
        if (connections == null || connections.names().isEmpty()) {
            return Map.of(TOKEN_VARIABLE, callbackToken);
        }
        return Map.of(TOKEN_VARIABLE, callbackToken,
                JdbcConnections.ENVIRONMENT_VARIABLE, StoredJson.MAPPER.writeValueAsString(connections));
    }
}
