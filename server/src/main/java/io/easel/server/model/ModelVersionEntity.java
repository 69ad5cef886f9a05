package io.easel.server.model;

import io.easel.component.ColumnSpec;
import io.easel.run.ModelLineage;
import io.easel.run.ParityReport;
import io.easel.run.TrainingProfile;
import io.easel.server.run.ModelEvaluation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The experiment revision the run ran; null when not known (runs and versions from before it was recorded). */
    private Integer experimentRevision;

    /** Where the model came from, as the engine recorded it at export; null for versions from before lineage. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private ModelLineage lineage;

    /** Whether its PMML agreed with Spark at export; null for versions from before the check. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private ParityReport parity;

    /** How its training records were distributed, input by input; null for versions from before profiles. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "training_profile", columnDefinition = "jsonb")
    private TrainingProfile profile;

    /** The experiment its batch-score calls run (each as a revision), or null before the first call. */
    private UUID batchExperimentId;

    protected ModelVersionEntity() {}

    ModelVersionEntity(UUID modelId, int version, UUID runId, String nodeId, String pmmlUri, List<ColumnSpec> inputs,
            ColumnSpec label, Map<String, Object> metrics, Instant createdAt, Integer experimentRevision,
            ModelLineage lineage, ParityReport parity, TrainingProfile profile) {
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
        this.experimentRevision = experimentRevision;
        this.lineage = lineage;
        this.parity = parity;
        this.profile = profile;
    }

    /** The version without its evaluations (they are read from its run on request). */
    ModelVersionView view(ModelEntity model) {
        return view(model, null);
    }

    ModelVersionView view(ModelEntity model, List<ModelEvaluation> evaluations) {
        return new ModelVersionView(modelId, model.workspaceId(), model.name(), version, runId, nodeId, pmmlUri,
                inputs, label, metrics, createdAt, experimentRevision, lineage, evaluations, parity, profile);
    }

    UUID runId() {
        return runId;
    }

    String nodeId() {
        return nodeId;
    }

    String pmmlUri() {
        return pmmlUri;
    }

    Optional<UUID> batchExperimentId() {
        return Optional.ofNullable(batchExperimentId);
    }

    UUID modelId() {
        return modelId;
    }

    int version() {
        return version;
    }
}
