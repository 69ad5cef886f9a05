package io.easel.server.deployment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Whether a deployment logs what it predicts, and for which share of the records.
 *
 * @param enabled whether scored records are sampled into the prediction log; absent in a change to keep it
 * @param sampleRate the share of the scored records logged, more than 0 and at most 1 (each record is drawn
 *     independently); absent in a change to keep it
 */
public record PredictionLogSettings(
        @Schema(description = "Whether scored records are sampled into the prediction log (off by default)")
        Boolean enabled,
        @Schema(description = "The share of the scored records logged: more than 0, at most 1 (1 logs every record)",
                example = "0.25")
        Double sampleRate) {}
