package io.easel.server.run;

import io.easel.run.RunState;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A run as the UI shows it.
 *
 * @param message why the run failed or was cancelled; null otherwise
 * @param sparkAppId the Spark application id, from the launcher or the engine, as soon as known; kept after the end
 * @param sparkUiUrl the Spark UI of the driver while it runs, or null
 * @param startedAt when the engine process was started, null while queued
 * @param nodes every node of the graph that was run, in graph order
 * @param workspaceId the workspace of the run's experiment, which the run belongs to
 * @param settings the master, deploy mode, resources and Spark settings the run was launched with (null for runs
 *     older than run settings); secret values (keytabs, passwords, tokens) read as {@code *********(redacted)}
 * @param options how the run treats the node outputs earlier runs stored: the previous run it compares with, the
 *     nodes forced to run
 */
public record RunView(UUID id, UUID workspaceId, UUID experimentId, RunState state, String message,
        String sparkAppId, String sparkUiUrl, Instant startedAt, Instant finishedAt, Map<String, NodeRunView> nodes,
        @JsonSerialize(converter = LaunchSettings.Shown.class) LaunchSettings settings, RunOptions options) {

    public RunView(UUID id, UUID workspaceId, UUID experimentId, RunState state, String message, String sparkAppId,
            String sparkUiUrl, Instant startedAt, Instant finishedAt, Map<String, NodeRunView> nodes,
            LaunchSettings settings) {
        this(id, workspaceId, experimentId, state, message, sparkAppId, sparkUiUrl, startedAt, finishedAt, nodes,
                settings, RunOptions.reuse());
    }
}
