package io.easel.server.settings;

import io.easel.graph.GraphLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one request may ask of the server ({@code easel.limits.*}), so that no request, and no burst of them,
 * can take it down: graphs are validated only up to a size, request bodies are cut off while they are read (413),
 * and scoring, the one endpoint that evaluates models for anyone with a key, takes only so many requests at once
 * (429 once they have waited their turn).
 *
 * @param maxNodes most nodes an experiment may have
 * @param maxEdges most edges an experiment may have
 * @param requestBody largest body of any request not named below
 * @param experimentBody largest body under {@code /api/experiments}
 * @param scoringBody largest body of a scoring request ({@code /api/score/…})
 * @param engineEventsBody largest body of an engine's event report (it carries sample rows of each table)
 * @param uploadBody largest file uploaded into a workspace (REST or the studio's upload button)
 * @param concurrentScoring scoring requests read and evaluated at once
 * @param scoringWait how long a scoring request may wait for its turn before it is answered 429
 */
@ConfigurationProperties("easel.limits")
public record LimitSettings(
        @DefaultValue("2000") int maxNodes,
        @DefaultValue("10000") int maxEdges,
        @DefaultValue("1MB") DataSize requestBody,
        @DefaultValue("8MB") DataSize experimentBody,
        @DefaultValue("16MB") DataSize scoringBody,
        @DefaultValue("32MB") DataSize engineEventsBody,
        @DefaultValue("100MB") DataSize uploadBody,
        @DefaultValue("8") int concurrentScoring,
        @DefaultValue("2s") Duration scoringWait) {

    public LimitSettings {
        if (concurrentScoring < 1) {
            throw new IllegalArgumentException("easel.limits.concurrent-scoring must be at least 1, not "
                    + concurrentScoring);
        }
    }

    public GraphLimits graph() {
        return new GraphLimits(maxNodes, maxEdges);
    }
}
