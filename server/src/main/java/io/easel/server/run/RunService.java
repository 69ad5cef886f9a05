package io.easel.server.run;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.ValidationResult;
import io.easel.run.RunEventBatch;
import io.easel.run.RunScope;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    private final CacheProperties cache;
    private final StaleNodes staleNodes;

    RunService(ExperimentService experiments, RunLedger ledger, EngineSupervisor supervisor, RunChanges changes,
            RunAnnouncer announcer, LaunchPlanner planner, RunWorkspace workspace, EngineProperties engine,
            Access access, CacheProperties cache, StaleNodes staleNodes) {
        this.cache = cache;
        this.staleNodes = staleNodes;
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
     * @throws InvalidGraphException when the experiment does not validate (its {@link
     *     io.easel.server.experiment.WorkspaceGraphCheck workspace checks} included)
     * @throws io.easel.server.experiment.InvalidExperimentException (400) when its run settings carry a Spark
     *     setting experiments may not set (any longer)
     * @throws io.easel.server.security.ForbiddenException (403) for viewers
     */
    public RunView start(UUID experimentId) {
        return start(experimentId, RunOptions.reuse());
    }

    /**
     * Starts a run as {@link #start(UUID)} does, with {@code options} saying which nodes run (its scope) and which
     * must run whatever earlier runs stored; the run compares itself with the experiment's latest run to say why
     * nodes ran again.
     *
     * @throws InvalidExperimentException (400) when a forced node or the scope's node is not in the experiment
     */
    public RunView start(UUID experimentId, RunOptions options) {
        return start(experimentId, options, RunTrigger.MANUAL);
    }

    /**
     * Starts a run as {@link #start(UUID, RunOptions)} does, recording what started it (the run history shows it), as
     * whoever is signed in on this thread.
     */
    public RunView start(UUID experimentId, RunOptions options, RunTrigger trigger) {
        return start(experiments.get(experimentId), options, trigger);
    }

    /**
     * Starts a run of the experiment's revision {@code revision} rather than of what is saved now, as
     * {@link #start(UUID, RunOptions, RunTrigger)} does otherwise: a caller that saved a graph and runs it is sure to
     * run that graph even if another save came in between.
     *
     * @throws io.easel.server.experiment.RevisionNotFoundException (404) for a revision the experiment does not have
     */
    public RunView start(UUID experimentId, int revision, RunOptions options, RunTrigger trigger) {
        return start(experiments.atRevision(experimentId, revision), options, trigger);
    }

    private RunView start(ExperimentView experiment, RunOptions options, RunTrigger trigger) {
        UUID experimentId = experiment.id();
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
        RunScope scope = options.scope();
        if (!scope.whole() && experiment.graph().node(scope.node()).isEmpty()) {
            throw new InvalidExperimentException("scope.node",
                    "names node '" + scope.node() + "', which the experiment does not have");
        }
        String token = CallbackTokens.newToken();
        LaunchSettings settings = LaunchSettings.effective(engine, experiments.launchableRunSettings(experiment));
        UUID previous = ledger.latest(experimentId).map(RunView::id).orElse(null);
        RunView run = ledger.create(experiment.workspaceId(), experiment.id(), experiment.name(), experiment.graph(),
                experiment.revision(), settings, options.after(previous, experiment.workspaceId(),
                        cache.maxSize().toBytes()), CallbackTokens.hash(token), trigger);
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

    /** The nodes of the experiment as saved whose last outputs no longer match it. */
    public Map<String, StaleNode> staleNodes(UUID experimentId) {
        return staleNodes(experimentId, experiments.get(experimentId).graph());
    }

    /**
     * The nodes of {@code graph} (the experiment's graph as edited, saved or not) whose outputs in their latest
     * successful run no longer match it: an edit of params, of a connection or of anything upstream since. Nodes that
     * never ran are not stale, just not run.
     */
    public Map<String, StaleNode> staleNodes(UUID experimentId, ExperimentGraph graph) {
        experiments.get(experimentId); // 404 for an experiment the caller may not see
        return staleNodes.of(graph, ledger.snapshots(experimentId, graph.nodes().stream().map(Node::id).toList()));
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

    /** The most a page of a run's log reads of its file. */
    static final int LOG_PAGE_BYTES = 256 * 1024;

    /**
     * A page of the run's log from byte {@code offset} of its file: every line, or only node {@code nodeId}'s. The
     * log is the engine's, kept in the run workspace; it is empty until the engine starts it, and stays readable after
     * the run.
     *
     * @param nodeId a node of the run, or null for the whole run
     * @throws NodeRunNotFoundException (404) when the run has no such node
     * @throws RowQueryException (400) for a negative offset
     */
    public RunLogPage log(UUID runId, String nodeId, long offset) {
        RunView run = readable(runId);
        if (nodeId != null && !run.nodes().containsKey(nodeId)) {
            throw new NodeRunNotFoundException(runId, nodeId);
        }
        if (offset < 0) {
            throw RowQueryException.badParam("offset", "offset is a byte position in the run's log, 0 or more; not "
                    + offset);
        }
        RunWorkspace.LogBytes bytes = workspace.log(runId, offset, LOG_PAGE_BYTES);
        return bytes.bytes().length == 0 ? RunLogPage.empty(offset)
                : RunLogPage.read(bytes.bytes(), offset, nodeId, bytes.more());
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

    /**
     * An experiment is being purged: its active runs are cancelled and, once the deletion is committed, the files
     * of its runs removed from the workspace (tables that runs of other experiments reused stay with those).
     */
    @EventListener
    void experimentDeleting(ExperimentDeleting deleting) {
        for (UUID runId : ledger.unfinishedOf(deleting.experimentId())) {
            supervisor.cancel(runId);
        }
        RunLedger.Leftovers leftovers = ledger.leftoversOf(deleting.experimentId());
        Runnable removeFiles = () -> {
            leftovers.runs().forEach(run -> workspace.deleteRun(run, leftovers.kept()));
            leftovers.orphaned().forEach(workspace::deleteTable);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    removeFiles.run();
                }
            });
        } else {
            removeFiles.run();
        }
    }
}
