package io.easel.server.deployment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * How a deployment (every version together) scored on this server during one minute.
 *
 * @param minute the minute's start
 * @param requests scoring requests answered (a batch is one)
 * @param errors those answered with a 4xx or 5xx
 * @param requestsPerSecond requests over the minute, or over the seconds it has lasted for the current one
 * @param errorPercent errors as a percentage of requests; null without requests
 * @param p99Millis the 99th percentile latency of the successful requests, in milliseconds, estimated within a
 *     histogram bucket (about 19 % wide); null without a success
 */
@Schema(description = "How a deployment scored on this server during one minute")
public record MinuteFigures(Instant minute, long requests, long errors, double requestsPerSecond,
        Double errorPercent, Double p99Millis) {}
