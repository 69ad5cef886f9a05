package io.easel.server.run;

import java.util.UUID;

/**
 * A node whose outputs no longer match what defines them now: an edit since its last run changed its params, its
 * component, an input's connection or something upstream. Its last outputs are out of date; the next run computes it
 * again.
 *
 * @param lastRun the latest run in which the node succeeded (computed or reused its outputs)
 * @param reason what changed, e.g. "param maxDepth changed; upstream node split changed"
 */
public record StaleNode(String nodeId, UUID lastRun, String reason) {}
