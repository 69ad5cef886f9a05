package io.easel.server.deployment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * @param version the model version to serve; absent for the latest
 * @param name the endpoint name (lowercase letters, digits, '-'); absent to derive one from the model's name
 * @param unseenCategories what scoring does with a category the model never saw; absent to keep what the deployment
 *     does ({@code reject} for a new one)
 * @param gate rules that replace the deployment's evaluation gate before the version is checked against it; absent
 *     to keep its gate
 * @param override an administrator's override of the gate's refusal, with the reason; absent to be refused
 */
record DeployRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID modelId,
        @Schema(description = "Model version; absent = latest") Integer version,
        @Schema(description = "Endpoint name (slug); absent = derived from the model name", example = "credit-risk")
        String name,
        @Schema(description = "reject (422, the default) or unknown (scored as the model's unknown category)")
        UnseenCategories unseenCategories,
        @Schema(description = "Rules replacing the deployment's gate; absent = keep them") Gate gate,
        @Schema(description = "Administrators only: deploy even if the gate refuses, giving a reason")
        GateOverride override) {}
