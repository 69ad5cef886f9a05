package io.easel.server.run;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.UUID;

@Embeddable
record NodeRunKey(UUID runId, String nodeId) implements Serializable {}
