package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One kept graph of an experiment. */
@Entity
@Table(name = "experiment_revisions")
class RevisionEntity {

    @EmbeddedId
    private RevisionKey key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private ExperimentGraph graph;

    private String author;

    private Instant savedAt;

    private String message;

    private boolean autosave;

    private Integer restoredFrom;

    protected RevisionEntity() {}

    RevisionEntity(RevisionKey key, ExperimentGraph graph, String author, Instant savedAt, SaveKind kind) {
        this.key = key;
        this.author = author;
        this.restoredFrom = kind.restoredFrom();
        overwrite(graph, savedAt, kind);
    }

    /** Writes a later save of the same author over this autosave; an explicit save makes it a kept revision. */
    void overwrite(ExperimentGraph graph, Instant savedAt, SaveKind kind) {
        this.graph = graph;
        this.savedAt = savedAt;
        this.autosave = kind.autosave();
        if (kind.message() != null) {
            this.message = kind.message();
        }
    }

    int number() {
        return key.number();
    }

    ExperimentGraph graph() {
        return graph;
    }

    String author() {
        return author;
    }

    boolean autosave() {
        return autosave;
    }

    String message() {
        return message;
    }

    RevisionSummary summary() {
        return new RevisionSummary(key.number(), author, savedAt, message, autosave, restoredFrom,
                graph.nodes().size());
    }
}
