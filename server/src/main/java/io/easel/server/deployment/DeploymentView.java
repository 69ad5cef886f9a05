package io.easel.server.deployment;

import io.easel.component.ColumnSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scoring endpoint serving one model version.
 *
 * @param previousVersion the version it served before its last swap, which a roll-back returns to; null when it
 *     has served only one version
 * @param endpointPath where to POST records, {@code /api/score/{name}}; clients prefix their base URL
 * @param inputs the raw columns each record must carry
 * @param unseenCategories what scoring does with a text value the model never saw in training
 * @param inputNode the node whose output records the model takes, when a step with no PMML form (a join, SQL, a
 *     group-by) lies between the data sources and the model: clients send records shaped like that node's output,
 *     not like the sources' records; null when the model takes the sources' records
 * @param canaryVersion the version a canary release tries on part of the requests; null when no canary runs
 * @param canaryPercent the canary's share of the requests (1 to 99); null when no canary runs
 */
public record DeploymentView(UUID id, String name, UUID modelId, int modelVersion, Integer previousVersion,
        String endpointPath, List<ColumnSpec> inputs, Instant createdAt, UnseenCategories unseenCategories, String inputNode,
        Integer canaryVersion, Integer canaryPercent) {

    /** The share of the requests the served version answers: 100 without a canary. */
    public int servedPercent() {
        return canaryPercent == null ? 100 : 100 - canaryPercent;
    }

    public static String endpointPath(String name) {
        return "/api/score/" + name;
    }
}
