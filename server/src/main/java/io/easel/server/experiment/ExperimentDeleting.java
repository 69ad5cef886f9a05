package io.easel.server.experiment;

import java.util.UUID;

/** Published (synchronously, inside the deleting transaction) just before an experiment and its runs go. */
public record ExperimentDeleting(UUID experimentId) {}
