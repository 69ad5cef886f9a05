package io.easel.server.deployment;

import io.easel.server.deployment.ScoreResponse.Prediction;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One sampled record on its way to the prediction log.
 *
 * @param requestId the scoring request, shared by the records it carried
 * @param record the record's place in the request, from 1
 * @param inputs the record as the client sent it
 * @param outputs what the answering version predicted for it, as the response said
 */
record LoggedPrediction(UUID workspaceId, String deployment, UUID modelId, int modelVersion, Instant scoredAt,
        UUID requestId, int record, Map<String, Object> inputs, Prediction outputs) {}
