package io.easel.server.deployment;

import io.easel.component.ColumnSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scoring endpoint serving one model version.
 *
 * @param endpointPath where to POST records, {@code /api/score/{name}}; clients prefix their base URL
 * @param inputs the raw columns each record must carry
 * @param unseenCategories what scoring does with a text value the model never saw in training
 */
public record DeploymentView(UUID id, String name, UUID modelId, int modelVersion, String endpointPath,
        List<ColumnSpec> inputs, Instant createdAt, UnseenCategories unseenCategories) {

    public static String endpointPath(String name) {
        return "/api/score/" + name;
    }
}
