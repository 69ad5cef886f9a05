package io.easel.server.run;

import io.easel.run.RunEvent;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Passes on a committed change to a run, whether the engine's callback or its {@code status.json} brought it: every
 * exported model as a {@link ModelExportedNotice} (the model feature registers it, once per run and node), then the
 * run to its listeners.
 */
@Component
class RunAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(RunAnnouncer.class);

    private final RunChanges changes;
    private final ApplicationEventPublisher events;

    RunAnnouncer(RunChanges changes, ApplicationEventPublisher events) {
        this.changes = changes;
        this.events = events;
    }

    void announce(RunLedger.Applied applied) {
        RunView run = applied.run();
        UUID runId = run.id();
        for (RunEvent.ModelExported model : applied.models()) {
            // After our commit, so a failing listener cannot undo the run's progress; logged, not retried.
            try {
                events.publishEvent(new ModelExportedNotice(run.workspaceId(), run.experimentId(),
                        applied.experimentName(), runId, model));
            } catch (RuntimeException e) {
                log.error("Run {}: the model exported by node '{}' could not be registered", runId, model.nodeId(),
                        e);
            }
        }
        changes.publish(run);
    }

    void announce(RunView run) {
        changes.publish(run);
    }
}
