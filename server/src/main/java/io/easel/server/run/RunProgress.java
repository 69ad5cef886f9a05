package io.easel.server.run;

import io.easel.run.RunEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest task progress of each running node, as the engines report it. Kept in memory only: it means something
 * while a node runs and nothing after, and a server that restarts hears it again with the next report.
 */
@Component
class RunProgress {

    private final Map<UUID, Map<String, NodeRunView.Progress>> runs = new ConcurrentHashMap<>();

    void record(UUID runId, RunEvent.NodeProgress progress) {
        runs.computeIfAbsent(runId, id -> new ConcurrentHashMap<>()).put(progress.nodeId(),
                new NodeRunView.Progress(progress.tasksDone(), progress.tasksTotal(),
                        Instant.ofEpochMilli(progress.at())));
    }

    NodeRunView.Progress of(UUID runId, String nodeId) {
        return runs.getOrDefault(runId, Map.of()).get(nodeId);
    }

    void forget(UUID runId) {
        runs.remove(runId);
    }
}
