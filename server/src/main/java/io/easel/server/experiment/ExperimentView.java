package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.ValidationResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A saved experiment with what validation says about it now.
 *
 * @param workspaceId the workspace it belongs to (and its runs and models)
 * @param owner who created it (null for experiments older than owners)
 * @param version the version to name when saving changes to it
 * @param revision the number of its latest revision
 * @param validation errors (a draft may have some) and every port spec inference could work out
 * @param runSettings how its runs are launched, over the server's defaults ({@link RunSettings#NONE} for none)
 */
public record ExperimentView(UUID id, UUID workspaceId, String name, String description, List<String> tags,
        String owner, ExperimentGraph graph, long version, int revision, Instant createdAt, Instant updatedAt,
        ValidationResult validation, RunSettings runSettings) {}
