package io.easel.server.run;

import io.easel.graph.ValidationResult;
import io.easel.run.RunEventBatch;
import io.easel.run.RunState;
import io.easel.server.experiment.ExperimentDeleting;
import io.easel.server.experiment.ExperimentNotFoundException;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.experiment.InvalidExperimentException;
import io.easel.server.security.Access;
import io.easel.server.security.Caller;
import io.easel.server.settings.StudioOnly;
import io.easel.server.settings.StoredJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs of experiments: starting one (validate, snapshot the graph, hand it to an engine), following it through the
 * engine's callbacks, cancelling it, and reading its results. A run belongs to its experiment's workspace: members
 * read it, analysts start and cancel runs, and for everyone else it does not exist (404).
 */
@Service
@StudioOnly
public class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private final ExperimentService experiments;
    private final RunLedger ledger;
    private final EngineSupervisor supervisor;
    private final RunChanges changes;
    private final RunAnnouncer announcer;
    private final LaunchPlanner planner;
    private final RunWorkspace workspace;
    private final EngineProperties engine;
    private final Access access;

    RunService(ExperimentService experiments, RunLedger ledger, EngineSupervisor supervisor, RunChanges changes,
            RunAnnouncer announcer, LaunchPlanner planner, RunWorkspace workspace, EngineProperties engine,
            Access access) {
        this.experiments = experiments;
        this.ledger = ledger;
        this.supervisor = supervisor;
        this.changes = changes;
        this.announcer = announcer;
        this.planner = planner;
        this.workspace = workspace;
        this.engine = engine;
        this.access = access;
    }

    /**
     * Starts a run of the experiment as it is saved now, with the server's engine settings and the experiment's run
     * settings on top (recorded on the run). The run waits, queued, while the maximum number of engines is running.
     * In cluster deploy mode the graph snapshot is also written to the workspace, where the driver reads it.
     *
     * @throws InvalidGraphException when the experiment does not validate
     * @throws io.easel.server.experiment.InvalidExperimentException (400) when its run settings carry a Spark
     *     setting experiments may not set (any longer)
     * @throws io.easel.server.security.ForbiddenException (403) for viewers
     */
    public RunView start(UUID experimentId) {
        return start(experimentId, RunOptions.reuse());
    }

    /**
     * Starts a run as {@link #start(UUID)} does, with {@code options} saying which nodes must run whatever earlier
     * runs stored; the run compares itself with the experiment's latest run to say why nodes ran again.
     */
    public RunView start(UUID experimentId, RunOptions options) {
        ExperimentView experiment = experiments.get(experimentId);
        access.requireEdit(experiment.workspaceId(), () -> new ExperimentNotFoundException(experimentId));
        ValidationResult validation = experiment.validation();
        if (!validation.isValid()) {
            throw new InvalidGraphException(validation.errors());
        }
        for (String node : options.forcedNodes()) {
            if (experiment.graph().node(node).isEmpty()) {
                throw new InvalidExperimentException("forceNodes",
                        "names node '" + node + "', which the experiment does not have");
            }
        }
        String token = CallbackTokens.newToken();
        LaunchSettings settings = LaunchSettings.effective(engine, experiments.launchableRunSettings(experiment));
        UUID previous = ledger.latest(experimentId).map(RunView::id).orElse(null);
        RunView run = ledger.create(experiment.workspaceId(), experiment.id(), experiment.name(), experiment.graph(),
                experiment.revision(), settings, options.after(previous, experiment.workspaceId()),
                CallbackTokens.hash(token));
        try {
            Path file = planner.experimentFile(run.id());
            Files.createDirectories(file.getParent());
            byte[] snapshot = StoredJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(experiment.graph());
            Files.write(file, snapshot);
            if (settings.clusterDeployMode()) {
                workspace.writeExperiment(run.id(), snapshot);
            }
        } catch (IOException | RuntimeException e) {
            log.error("Run {}: the experiment could not be written for the engine", run.id(), e);
            return ledger.finish(run.id(), RunState.FAILED, "The experiment could not be written for the engine: "
                    + e.getMessage()).orElseGet(() -> ledger.view(run.id()));
        }
        supervisor.submit(run.id(), token);
        return ledger.view(run.id());
    }

    public RunView get(UUID runId) {
        return readable(runId);
    }

    /** The experiment's runs, newest first. */
    public List<RunView> runsOf(UUID experimentId) {
        experiments.get(experimentId); // 404 for an unknown experiment rather than an empty list
        return ledger.runsOf(experimentId);
    }

    /**
     * The state of the latest run of each experiment that has one the caller may see, read in one query (for lists,
     * which must not ask once per line).
     */
    public Map<UUID, RunState> latestStates(Collection<UUID> experimentIds) {
        Caller caller = access.caller();
        return ledger.latestOf(experimentIds).stream()
                .filter(run -> caller.canRead(run.workspaceId()))
                .collect(Collectors.toMap(RunEntity::experimentId, RunEntity::state, (a, b) -> a));
    }

    /** The experiment's latest run, if it has one the caller may see. */
    public Optional<RunView> latest(UUID experimentId) {
        return ledger.latest(experimentId).filter(run -> access.caller().canRead(run.workspaceId()));
    }

    /**
     * Cancels a queued or running run; a run that has already ended keeps its state (its engine is stopped if it is
     * still shutting down).
     */
    public RunView cancel(UUID runId) {
        RunView run = readable(runId);
        access.requireEdit(run.workspaceId(), () -> new RunNotFoundException(runId));
        return supervisor.cancel(runId);
    }

    public NodeResultView nodeResult(UUID runId, String nodeId) {
        readable(runId);
        return ledger.nodeResult(runId, nodeId);
    }

    /** Calls {@code listener} with the run after every change, from any thread, until the registration is removed. */
    public Registration subscribe(UUID runId, Consumer<RunView> listener) {
        readable(runId);
        return changes.subscribe(runId, listener);
    }

    private RunView readable(UUID runId) {
        RunView run = ledger.view(runId);
        access.requireRead(run.workspaceId(), () -> new RunNotFoundException(runId));
        return run;
    }

    /**
     * Applies a batch of events posted by the engine of a run.
     *
     * @param token the bearer token presented
     * @throws EngineCallbackRefusedException when it is not the run's token
     */
    RunView applyEngineEvents(UUID runId, String token, RunEventBatch batch) {
        RunLedger.Applied applied = ledger.apply(runId, token, batch);
        supervisor.heardFrom(runId);
        announcer.announce(applied);
        if (applied.finished()) {
            supervisor.endReported(runId);
        }
        return applied.run();
    }

    @EventListener
    void experimentDeleting(ExperimentDeleting deleting) {
        for (UUID runId : ledger.unfinishedOf(deleting.experimentId())) {
            supervisor.cancel(runId);
        }
    }
}
