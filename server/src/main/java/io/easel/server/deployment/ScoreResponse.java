package io.easel.server.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a scoring request answers: one prediction per record, in request order.
 *
 * @param warnings what was accepted but ignored, e.g. fields that are not model inputs; empty when nothing was
 */
public record ScoreResponse(String deployment, UUID modelId, int modelVersion, List<Prediction> predictions,
        List<String> warnings) {

    public ScoreResponse {
        predictions = List.copyOf(predictions);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param prediction the predicted label (classification), value (regression) or cluster
     * @param probabilities for classifiers, the probability of each label in the label's order; else absent
     * @param score for binary classifiers, the probability of the second (positive) label, the score Easel's
     *     evaluations rank by; else absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prediction(Object prediction, Map<String, Double> probabilities, Double score) {}
}
