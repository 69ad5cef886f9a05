package io.easel.server.deployment;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every deployment's scoring of the last hour on this server, minute by minute ({@link ScoringMinutes}), kept in
 * memory beside its meters ({@link ScoringMeters}, which record into it): what the Deployments page draws as small
 * charts. Each replica answers for itself; a restart starts from nothing, like the meters.
 */
@Component
class ScoringTimelines {

    private record Key(UUID workspaceId, String deployment) {}

    private final Clock clock;
    private final Map<Key, ScoringMinutes> timelines = new ConcurrentHashMap<>();

    /** @param clock the studio's clock bean (tests move it on); serving replicas have none and read the system's */
    ScoringTimelines(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * The deployment's last {@code minutes} minutes, the current one last; zeros where nothing was scored.
     *
     * @param minutes 1 to {@value ScoringMinutes#MINUTES}
     * @throws ScoringTimelineException (400, naming {@code minutes}) out of range
     */
    ScoringTimeline lastMinutes(UUID workspaceId, String deployment, int minutes) {
        if (minutes < 1 || minutes > ScoringMinutes.MINUTES) {
            throw new ScoringTimelineException("minutes", "must be between 1 and " + ScoringMinutes.MINUTES
                    + " (the figures of the last hour are kept), not " + minutes);
        }
        ScoringMinutes timeline = timelines.get(new Key(workspaceId, deployment));
        return new ScoringTimeline(deployment,
                (timeline == null ? new ScoringMinutes(clock) : timeline).last(minutes));
    }

    /** The deployment's timeline, which its meters record into, started at its first request. */
    ScoringMinutes of(UUID workspaceId, String deployment) {
        return timelines.computeIfAbsent(new Key(workspaceId, deployment), key -> new ScoringMinutes(clock));
    }

    /** The deployment is gone: one created again under the same name starts from nothing. */
    void forget(UUID workspaceId, String deployment) {
        timelines.remove(new Key(workspaceId, deployment));
    }
}
