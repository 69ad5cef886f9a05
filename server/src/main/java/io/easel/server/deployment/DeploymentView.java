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
 */
public record DeploymentView(UUID id, String name, UUID modelId, int modelVersion, String endpointPath,
        List<ColumnSpec> inputs, Instant createdAt) {

    public static String endpointPath(String name) {
        return "/api/score/" + name;
    }
}
