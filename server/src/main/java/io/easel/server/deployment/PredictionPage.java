package io.easel.server.deployment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A page of a deployment's prediction log, newest first.
 *
 * @param total how many logged predictions the query's time range holds, over all pages
 */
public record PredictionPage(String deployment, int page, int size, long total, List<Entry> predictions) {

    /**
     * One logged record.
     *
     * @param requestId the scoring request; the records of one request share it
     * @param record the record's place in its request, from 1
     * @param modelVersion the version that answered
     * @param inputs the record as the client sent it
     * @param outputs what the response said for it: {@code prediction}, and for classifiers {@code probabilities}
     *     (and {@code score})
     */
    public record Entry(Instant scoredAt, UUID requestId, int record, int modelVersion, JsonNode inputs,
            JsonNode outputs) {}
}
