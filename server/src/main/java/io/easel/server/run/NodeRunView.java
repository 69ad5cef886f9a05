package io.easel.server.run;

import io.easel.run.NodeState;
import java.time.Instant;

/** @param message why the node failed or was skipped; null otherwise */
public record NodeRunView(String nodeId, NodeState state, String message, Instant startedAt, Instant finishedAt) {}
