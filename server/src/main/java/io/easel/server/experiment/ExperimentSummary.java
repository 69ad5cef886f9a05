package io.easel.server.experiment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of the experiment list.
 *
 * @param owner who created it (null for experiments older than owners)
 * @param revision the number of its latest revision
 * @param deletedAt when it went to the trash; null for one that is not there
 */
public record ExperimentSummary(UUID id, String name, String description, List<String> tags, String owner,
        int nodeCount, long version, int revision, Instant createdAt, Instant updatedAt, Instant deletedAt) {}
