package io.easel.server.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One model: a model-producing node of one experiment, with all the versions its runs exported (oldest first).
 *
 * @param workspaceId the workspace of the experiment whose runs trained it
 * @param name {@code "<experiment name> / <node id>"}, following the experiment's name as of the latest export
 */
public record ModelView(UUID id, UUID workspaceId, String name, UUID experimentId, String nodeId, Instant createdAt,
        int latestVersion, List<ModelVersionView> versions) {

    public ModelView {
        versions = List.copyOf(versions);
    }
}
