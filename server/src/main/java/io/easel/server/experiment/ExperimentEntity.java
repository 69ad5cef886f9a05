package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
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

    private String owner;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> tags;

    /** The number of its latest revision. */
    private int revision;

    /** Set while it is in the trash. */
    private Instant deletedAt;

    protected ExperimentEntity() {}

    ExperimentEntity(UUID id, UUID workspaceId, String owner, ExperimentFields fields, RunSettings runSettings,
            Instant now) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.owner = owner;
        this.name = fields.name();
        this.description = fields.description();
        this.tags = fields.tags();
        this.graph = fields.graph();
        this.runSettings = runSettings;
        this.revision = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(ExperimentFields fields, RunSettings runSettings, Instant now) {
        this.name = fields.name();
        this.description = fields.description();
        this.tags = fields.tags();
        this.graph = fields.graph();
        this.runSettings = runSettings;
        this.updatedAt = now;
    }

    void revision(int number) {
        this.revision = number;
    }

    void trash(Instant now) {
        this.deletedAt = now;
    }

    void restoreFromTrash() {
        this.deletedAt = null;
    }

    ExperimentFields fields() {
        return new ExperimentFields(name, description, tags(), graph);
    }

    String owner() {
        return owner;
    }

    List<String> tags() {
        return tags == null ? List.of() : tags;
    }

    int revision() {
        return revision;
    }

    Instant deletedAt() {
        return deletedAt;
    }

    boolean inTrash() {
        return deletedAt != null;
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
