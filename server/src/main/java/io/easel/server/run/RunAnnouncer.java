package io.easel.server.run;

import io.easel.run.RunEvent;
import java.util.ArrayList;
import java.util.List;
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
    private final RunLedger ledger;

    RunAnnouncer(RunChanges changes, ApplicationEventPublisher events, RunLedger ledger) {
        this.changes = changes;
        this.events = events;
        this.ledger = ledger;
    }

    /**
     * Registers the models the change brought, then tells the run's listeners. Registration is confirmed on the run
     * once done; until then the run keeps them as unregistered, so a server that dies in between (or a listener that
     * fails) registers them at the next start ({@link #registerLeftovers()}).
     */
    void announce(RunLedger.Applied applied) {
        RunView run = applied.run();
        UUID runId = run.id();
        List<RunEvent.ModelExported> registered = new ArrayList<>();
        for (RunEvent.ModelExported model : applied.models()) {
            // After our commit, so a failing listener cannot undo the run's progress.
            try {
                events.publishEvent(new ModelExportedNotice(run.workspaceId(), run.experimentId(),
                        applied.experimentName(), applied.revision(), runId, model));
                registered.add(model);
            } catch (RuntimeException e) {
                log.error("Run {}: the model exported by node '{}' could not be registered; it is tried again at "
                        + "the next start", runId, model.nodeId(), e);
            }
        }
        if (!registered.isEmpty()) {
            try {
                ledger.modelsRegistered(runId, registered);
            } catch (RuntimeException e) {
                log.warn("Run {}: registered its models but could not record it (they register once more at the "
                        + "next start, which changes nothing)", runId, e);
            }
        }
        changes.publish(run);
    }

    /** Registers what earlier server processes left unregistered. */
    void registerLeftovers() {
        for (RunLedger.Applied leftover : ledger.unregisteredModels()) {
            log.info("Run {}: registering {} model(s) left unregistered by an earlier server process",
                    leftover.run().id(), leftover.models().size());
            announce(leftover);
        }
    }

    void announce(RunView run) {
        changes.publish(run);
    }
}
