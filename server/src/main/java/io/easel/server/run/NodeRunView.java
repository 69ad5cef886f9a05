package io.easel.server.run;

import io.easel.run.NodeState;
import java.time.Instant;

/**
 * @param message why the node failed or was skipped; null otherwise
 * @param reusedFrom the run whose stored outputs the node reused instead of running; null when it ran
 * @param rerunReason why the node ran although an earlier run of the experiment had it ("param maxDepth changed
 *     (5 → 7)", "upstream node split changed", "input file changed", "forced" …); null otherwise
 */
public record NodeRunView(String nodeId, NodeState state, String message, Instant startedAt, Instant finishedAt,
        String reusedFrom, String rerunReason) {}
