package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "experiments")
class ExperimentEntity {

    @Id
    private UUID id;

    private String name;

    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private ExperimentGraph graph;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private RunSettings runSettings;

    /** Bumped by Hibernate on every update; a save naming an older version is refused. */
    @Version
    private Long version;

    private Instant createdAt;

    private Instant updatedAt;

    private UUID workspaceId;

    protected ExperimentEntity() {}

    ExperimentEntity(UUID id, UUID workspaceId, String name, String description, ExperimentGraph graph,
            RunSettings runSettings, Instant now) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.name = name;
        this.description = description;
        this.graph = graph;
        this.runSettings = runSettings;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(String name, String description, ExperimentGraph graph, RunSettings runSettings, Instant now) {
        this.name = name;
        this.description = description;
        this.graph = graph;
        this.runSettings = runSettings;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    ExperimentGraph graph() {
        return graph;
    }

    RunSettings runSettings() {
        return runSettings == null ? RunSettings.NONE : runSettings;
    }

    long version() {
        return version == null ? 0 : version;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
