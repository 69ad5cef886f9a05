package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.ValidationResult;
import java.time.Instant;
import java.util.UUID;

/**
 * A saved experiment with what validation says about it now.
 *
 * @param workspaceId the workspace it belongs to (and its runs and models)
 * @param version the version to name when saving changes to it
 * @param validation errors (a draft may have some) and every port spec inference could work out
 * @param runSettings how its runs are launched, over the server's defaults ({@link RunSettings#NONE} for none)
 */
public record ExperimentView(UUID id, UUID workspaceId, String name, String description, ExperimentGraph graph,
        long version, Instant createdAt, Instant updatedAt, ValidationResult validation, RunSettings runSettings) {}
