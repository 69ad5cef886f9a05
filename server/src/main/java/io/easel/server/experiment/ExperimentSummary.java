package io.easel.server.experiment;

import java.time.Instant;
import java.util.UUID;

/** One line of the experiment list. */
public record ExperimentSummary(UUID id, String name, String description, int nodeCount, long version,
        Instant createdAt, Instant updatedAt) {}
