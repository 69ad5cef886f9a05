package io.easel.server.model;

import io.easel.component.ColumnSpec;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "model_versions")
class ModelVersionEntity {

    @Id
    private UUID id;

    private UUID modelId;

    private int version;

    private UUID runId;

    private String nodeId;

    private String pmmlUri;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<ColumnSpec> inputs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private ColumnSpec label;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> metrics;

    private Instant createdAt;

    protected ModelVersionEntity() {}

    ModelVersionEntity(UUID modelId, int version, UUID runId, String nodeId, String pmmlUri, List<ColumnSpec> inputs,
            ColumnSpec label, Map<String, Object> metrics, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.modelId = modelId;
        this.version = version;
        this.runId = runId;
        this.nodeId = nodeId;
        this.pmmlUri = pmmlUri;
        this.inputs = List.copyOf(inputs);
        this.label = label;
        this.metrics = metrics;
        this.createdAt = createdAt;
    }

    ModelVersionView view(ModelEntity model) {
        return new ModelVersionView(modelId, model.workspaceId(), model.name(), version, runId, nodeId, pmmlUri,
                inputs, label, metrics, createdAt);
    }

    UUID modelId() {
        return modelId;
    }

    int version() {
        return version;
    }
}
