package io.easel.server.deployment;

/**
 * How a deployment's current version has scored on this server since it started.
 *
 * @param requests scoring requests answered (a batch is one)
 * @param errors those answered with a 4xx or 5xx
 * @param p99Millis the 99th percentile latency of the successful ones, in milliseconds, estimated within a bucket of
 *     the latency histogram as Prometheus does; null before the first success
 */
public record ScoringFigures(long requests, long errors, Double p99Millis) {

    public static final ScoringFigures NONE = new ScoringFigures(0, 0, null);

    /** Errors as a percentage of requests; null when there were no requests. */
    public Double errorPercent() {
        return requests == 0 ? null : 100.0 * errors / requests;
    }
}
