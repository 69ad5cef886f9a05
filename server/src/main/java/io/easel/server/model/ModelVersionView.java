package io.easel.server.model;

import io.easel.component.ColumnSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One exported version of a model.
 *
 * @param workspaceId the model's workspace
 * @param pmmlUri where the PMML is in the model store ({@code model.json} lies beside it)
 * @param inputs the raw columns a scoring request carries
 * @param label the target column, or null
 * @param metrics evaluation metrics the run reported for it, by name
 */
public record ModelVersionView(UUID modelId, UUID workspaceId, String modelName, int version, UUID runId, String nodeId,
        String pmmlUri, List<ColumnSpec> inputs, ColumnSpec label, Map<String, Object> metrics, Instant createdAt) {}
