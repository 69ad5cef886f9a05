package io.easel.server.run;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Who wants to hear about which run; told after every committed change. */
@Component
class RunChanges {

    private static final Logger log = LoggerFactory.getLogger(RunChanges.class);

    private final Map<UUID, List<Consumer<RunView>>> listeners = new ConcurrentHashMap<>();

    Registration subscribe(UUID runId, Consumer<RunView> listener) {
        listeners.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(runId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    void publish(RunView run) {
        for (Consumer<RunView> listener : listeners.getOrDefault(run.id(), List.of())) {
            try {
                listener.accept(run);
            } catch (RuntimeException e) {
                // A broken listener (a closed browser tab, say) must not stop the others or the run.
                log.warn("A listener of run {} failed", run.id(), e);
            }
        }
    }
}
