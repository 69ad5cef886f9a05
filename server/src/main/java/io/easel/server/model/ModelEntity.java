package io.easel.server.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "models")
class ModelEntity {

    @Id
    private UUID id;

    private String name;

    private UUID experimentId;

    private String nodeId;

    private Instant createdAt;

    private UUID workspaceId;

    protected ModelEntity() {}

    UUID id() {
        return id;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    String name() {
        return name;
    }

    /** Follows the experiment's name as of its latest export. */
    void rename(String name) {
        this.name = name;
    }

    UUID experimentId() {
        return experimentId;
    }

    String nodeId() {
        return nodeId;
    }

    Instant createdAt() {
        return createdAt;
    }
}
