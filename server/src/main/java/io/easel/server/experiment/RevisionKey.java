package io.easel.server.experiment;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.UUID;

@Embeddable
record RevisionKey(UUID experimentId, int number) implements Serializable {}
