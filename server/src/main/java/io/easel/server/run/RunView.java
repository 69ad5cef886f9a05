package io.easel.server.run;

import io.easel.run.RunState;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A run as the UI shows it.
 *
 * @param message why the run failed or was cancelled; null otherwise
 * @param sparkUiUrl the Spark UI of the driver while it runs, or null
 * @param startedAt when the engine process was started, null while queued
 * @param nodes every node of the graph that was run, in graph order
 */
public record RunView(UUID id, UUID experimentId, RunState state, String message, String sparkAppId,
        String sparkUiUrl, Instant startedAt, Instant finishedAt, Map<String, NodeRunView> nodes) {}
