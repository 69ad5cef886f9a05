package io.easel.server.model;

import io.easel.component.ColumnSpec;
import io.easel.run.ModelLineage;
import io.easel.run.ParityReport;
import io.easel.run.TrainingProfile;
import io.easel.server.run.ModelEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One exported version of a model.
 *
 * @param workspaceId the model's workspace
 * @param pmmlUri where the PMML is in the model store ({@code model.json} lies beside it)
 * @param inputs the raw columns a scoring request carries: the model's input schema
 * @param label the target column, or null
 * @param metrics what the training node reported about the model (trees, classes…), by name
 * @param experimentRevision the experiment revision the run trained it from; null when not known (runs from before
 *     revisions were recorded)
 * @param lineage where it came from: the nodes upstream of its node with their params and inputs, the files the
 *     sources read, the Spark, JPMML-SparkML and Easel versions and the PMML's sha256; null for versions registered
 *     before lineage was recorded
 * @param evaluations how it measured on the evaluation nodes downstream of its node in the run that trained it;
 *     given by the requests for one version ({@code GET /api/models/{id}/versions/{version}}), null in lists of
 *     versions
 * @param parity whether its PMML predicts what Spark predicted, as the engine checked at export (rows compared, max
 *     difference, flagged); null for versions registered before the check
 * @param profile how the records it trained on were distributed, input by input, as the engine counted them at
 *     export: what drift monitoring compares served inputs with; null for versions registered before profiles
 */
public record ModelVersionView(UUID modelId, UUID workspaceId, String modelName, int version, UUID runId, String nodeId,
        String pmmlUri, List<ColumnSpec> inputs, ColumnSpec label, Map<String, Object> metrics, Instant createdAt,
        Integer experimentRevision, ModelLineage lineage, List<ModelEvaluation> evaluations, ParityReport parity,
        TrainingProfile profile) {

    /** A version whose revision, lineage and evaluations are not known. */
    public ModelVersionView(UUID modelId, UUID workspaceId, String modelName, int version, UUID runId, String nodeId,
            String pmmlUri, List<ColumnSpec> inputs, ColumnSpec label, Map<String, Object> metrics,
            Instant createdAt) {
        this(modelId, workspaceId, modelName, version, runId, nodeId, pmmlUri, inputs, label, metrics, createdAt, null,
                null, null, null, null);
    }

    /**
     * Whether the parity check found its PMML disagreeing with Spark (beyond {@value ParityReport#TOLERANCE}): a
     * deployment would not score as the experiment did. False when not checked.
     */
    public boolean flagged() {
        return parity != null && parity.flagged();
    }
}
