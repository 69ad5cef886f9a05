package io.easel.server.run;

import io.easel.component.Text;
import io.easel.run.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of an experiment's run history.
 *
 * @param revision the experiment revision the run ran; null for runs from before runs recorded it
 * @param message why the run failed or was cancelled; null otherwise
 * @param durationMillis from the engine's start (or the request, while it never started) to the end; null while
 *     it runs
 * @param headlines the headline metrics of its evaluation reports, in graph order
 * @param trigger what started it: {@code manual} or {@code schedule}
 */
public record RunSummary(UUID id, UUID experimentId, Integer revision, RunState state, String message,
        Instant createdAt, Instant startedAt, Instant finishedAt, Long durationMillis, List<Headline> headlines,
        RunTrigger trigger) {

    public RunSummary {
        headlines = List.copyOf(headlines);
    }

    static Long duration(Instant createdAt, Instant startedAt, Instant finishedAt) {
        return finishedAt == null ? null
                : Duration.between(startedAt != null ? startedAt : createdAt, finishedAt).toMillis();
    }

    /**
     * A headline metric of one report.
     *
     * @param label the node's label, null when it has none (show the component's title)
     * @param component the node's component id
     * @param value a number, or text for a metric such as the best setting
     */
    public record Headline(String nodeId, String label, String component, String name, Text title, Object value) {}
}
