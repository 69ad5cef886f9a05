package io.easel.server.deployment;

import io.easel.server.security.WorkspaceRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/**
 * The scoring meters of each deployment and model version: {@value #REQUESTS} (a timer with a latency histogram,
 * by outcome) and {@value #RECORDS} (records scored). Tags: {@code workspace} (slug; deployment names are unique
 * only within a workspace), {@code deployment}, {@code version} and, on the timer, {@code outcome}.
 * <p>
 * The meters of a deployment version are registered once and kept in a map, so that a scoring request costs one map
 * look-up and no tag building or registry search.
 */
@Component
class ScoringMeters {

    static final String REQUESTS = "easel.scoring.requests";
    static final String RECORDS = "easel.scoring.records";

    /** The HTTP class of a scoring answer. */
    enum Outcome {
        SUCCESS("success"), CLIENT_ERROR("client_error"), SERVER_ERROR("server_error");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        /** 4xx for what the request got wrong (including a body that could not be read), 5xx for the rest. */
        static Outcome of(Throwable failure) {
            if (failure instanceof ErrorResponse answer) {
                return answer.getStatusCode().is4xxClientError() ? CLIENT_ERROR : SERVER_ERROR;
            }
            return failure instanceof IOException ? CLIENT_ERROR : SERVER_ERROR;
        }
    }

    private record Key(UUID workspaceId, String deployment, int version) {}

    /** One deployment version's meters. */
    static final class Meters {

        private final Timer success;
        private final Timer clientError;
        private final Timer serverError;
        private final Counter records;
        /** The deployment's minute-by-minute figures, which every version's requests add to. */
        private final ScoringMinutes minutes;

        private Meters(MeterRegistry registry, Tags tags, ScoringMinutes minutes) {
            this.minutes = minutes;
            this.success = timer(registry, tags, Outcome.SUCCESS);
            this.clientError = timer(registry, tags, Outcome.CLIENT_ERROR);
            this.serverError = timer(registry, tags, Outcome.SERVER_ERROR);
            this.records = Counter.builder(RECORDS).description("Records scored").tags(tags).register(registry);
        }

        private static Timer timer(MeterRegistry registry, Tags tags, Outcome outcome) {
            // Buckets from 0.1 ms: single records score in well under the 1 ms where Micrometer's defaults start.
            return Timer.builder(REQUESTS).description("Scoring requests, by outcome").tags(tags)
                    .tag("outcome", outcome.tag).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry);
        }

        void succeeded(long startNanos, int recordCount) {
            long latency = System.nanoTime() - startNanos;
            success.record(latency, TimeUnit.NANOSECONDS);
            records.increment(recordCount);
            minutes.succeeded(latency);
        }

        void failed(long startNanos, Throwable failure) {
            Timer timer = switch (Outcome.of(failure)) {
                case CLIENT_ERROR -> clientError;
                case SERVER_ERROR -> serverError;
                case SUCCESS -> success;
            };
            timer.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
            minutes.failed();
        }

        void removeFrom(MeterRegistry registry) {
            registry.remove(success);
            registry.remove(clientError);
            registry.remove(serverError);
            registry.remove(records);
        }

        ScoringFigures figures() {
            long errors = clientError.count() + serverError.count();
            return new ScoringFigures(success.count() + errors, errors, p99Millis(success.takeSnapshot()));
        }

        /**
         * The 99th percentile, interpolated linearly within the histogram bucket it falls in (as Prometheus'
         * {@code histogram_quantile} does). The Prometheus registry keeps cumulative bucket counts.
         */
        private static Double p99Millis(HistogramSnapshot snapshot) {
            if (snapshot.count() == 0) {
                return null;
            }
            double rank = 0.99 * snapshot.count();
            double lowerBound = 0;
            double lowerCount = 0;
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                double upperBound = bucket.bucket(TimeUnit.MILLISECONDS);
                if (bucket.count() >= rank) {
                    double inBucket = bucket.count() - lowerCount;
                    return inBucket <= 0 ? upperBound
                            : lowerBound + (upperBound - lowerBound) * (rank - lowerCount) / inBucket;
                }
                lowerBound = upperBound;
                lowerCount = bucket.count();
            }
            return snapshot.max(TimeUnit.MILLISECONDS); // beyond the last bucket: the slowest is the best bound known
        }
    }

    private final MeterRegistry registry;
    private final ScoringTimelines timelines;
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

    ScoringMeters(MeterRegistry registry, ScoringTimelines timelines) {
        this.registry = registry;
        this.timelines = timelines;
    }

    /** What a version of the deployment has scored here; {@link ScoringFigures#NONE} before any request. */
    ScoringFigures figures(WorkspaceRef workspace, String deployment, int version) {
        Meters found = meters.get(new Key(workspace.id(), deployment, version));
        return found == null ? ScoringFigures.NONE : found.figures();
    }

    /**
     * The deployment is gone: its meters (every version) leave the registry, so Prometheus stops seeing a deployment
     * that no longer exists, and one created again under the same name counts from zero. Other replicas drop theirs
     * when they restart.
     */
    void forget(UUID workspaceId, String deployment) {
        timelines.forget(workspaceId, deployment);
        meters.entrySet().removeIf(entry -> {
            Key key = entry.getKey();
            if (!key.workspaceId().equals(workspaceId) || !key.deployment().equals(deployment)) {
                return false;
            }
            entry.getValue().removeFrom(registry);
            return true;
        });
    }

    /** The meters of a version of a deployment (the served one or its canary), registered at its first request. */
    Meters of(WorkspaceRef workspace, String deployment, int version) {
        Key key = new Key(workspace.id(), deployment, version);
        Meters found = meters.get(key);
        return found != null ? found : meters.computeIfAbsent(key, k -> new Meters(registry, Tags.of("workspace",
                workspace.slug(), "deployment", k.deployment(), "version", Integer.toString(k.version())),
                timelines.of(k.workspaceId(), k.deployment())));
    }
}
