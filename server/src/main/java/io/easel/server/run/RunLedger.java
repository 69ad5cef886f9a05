package io.easel.server.run;

import io.easel.run.RunStatus;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunEvent;
import io.easel.run.RunEventBatch;
import io.easel.run.RunState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored state of runs and their nodes, and every change to it. Each method is one transaction and answers the
 * run as it is after the change, for the caller to pass on once committed.
 */
@Component
@Transactional
class RunLedger {

    private static final Logger log = LoggerFactory.getLogger(RunLedger.class);
    static final List<RunState> UNFINISHED = List.of(RunState.QUEUED, RunState.STARTING, RunState.RUNNING);

    private final RunRepository runs;
    private final NodeRunRepository nodeRuns;
    private final RunProgress progress;
    private final Clock clock = Clock.systemUTC();

    RunLedger(RunRepository runs, NodeRunRepository nodeRuns, RunProgress progress) {
        this.runs = runs;
        this.nodeRuns = nodeRuns;
        this.progress = progress;
    }

    /**
     * What applying one event batch did.
     *
     * @param revision the experiment revision the run ran; null for runs from before runs recorded it
     */
    record Applied(RunView run, String experimentName, Integer revision, List<RunEvent.ModelExported> models,
            boolean finished) {}

    /** A run that reuses stored outputs wherever it can, with no previous run to compare with. */
    RunView create(UUID workspaceId, UUID experimentId, String experimentName, ExperimentGraph graph,
            LaunchSettings settings, String tokenHash) {
        return create(workspaceId, experimentId, experimentName, graph, settings, RunOptions.reuse(), tokenHash);
    }

    RunView create(UUID workspaceId, UUID experimentId, String experimentName, ExperimentGraph graph,
            LaunchSettings settings, RunOptions options, String tokenHash) {
        return create(workspaceId, experimentId, experimentName, graph, null, settings, options, tokenHash);
    }

    /** @param revision the experiment revision whose graph this is; null when not known */
    RunView create(UUID workspaceId, UUID experimentId, String experimentName, ExperimentGraph graph,
            Integer revision, LaunchSettings settings, RunOptions options, String tokenHash) {
        return create(workspaceId, experimentId, experimentName, graph, revision, settings, options, tokenHash,
                RunTrigger.MANUAL);
    }

    /** As above, for a run that {@code trigger} started. */
    RunView create(UUID workspaceId, UUID experimentId, String experimentName, ExperimentGraph graph,
            Integer revision, LaunchSettings settings, RunOptions options, String tokenHash, RunTrigger trigger) {
        RunEntity entity = new RunEntity(UUID.randomUUID(), workspaceId, experimentId, experimentName, graph,
                revision, settings, options, tokenHash, now());
        entity.triggeredBy(trigger);
        RunEntity run = runs.save(entity);
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            nodeRuns.save(new NodeRunEntity(run.id(), nodes.get(i).id(), i));
        }
        runs.flush();
        return view(run);
    }

    @Transactional(readOnly = true)
    RunView view(UUID runId) {
        return view(find(runId));
    }

    @Transactional(readOnly = true)
    List<RunView> runsOf(UUID experimentId) {
        return runs.findByExperimentIdOrderByCreatedAtDesc(experimentId).stream().map(this::view).toList();
    }

    /** The experiment's runs, newest first, each with its node runs in graph order (two queries in all). */
    @Transactional(readOnly = true)
    List<RunRecord> history(UUID experimentId) {
        List<RunEntity> found = runs.findByExperimentIdOrderByCreatedAtDesc(experimentId);
        Map<UUID, List<NodeRunEntity>> nodes = found.isEmpty() ? Map.of()
                : nodeRuns.findByKeyRunIdInOrderByPosition(found.stream().map(RunEntity::id).toList()).stream()
                        .collect(Collectors.groupingBy(NodeRunEntity::runId));
        return found.stream().map(run -> RunRecord.of(run, nodes.getOrDefault(run.id(), List.of()))).toList();
    }

    /** One run with its graph and its nodes' results. */
    @Transactional(readOnly = true)
    RunRecord record(UUID runId) {
        RunEntity run = find(runId);
        return RunRecord.of(run, nodeRuns.findByKeyRunIdOrderByPosition(runId));
    }

    /** One run with its graph and its nodes' results; empty for an unknown run (no exception to roll back for). */
    @Transactional(readOnly = true)
    Optional<RunRecord> findRecord(UUID runId) {
        return runs.findById(runId).map(run -> RunRecord.of(run, nodeRuns.findByKeyRunIdOrderByPosition(runId)));
    }

    /** The latest runs of the experiments, without their node runs. */
    @Transactional(readOnly = true)
    List<RunEntity> latestOf(Collection<UUID> experimentIds) {
        return experimentIds.isEmpty() ? List.of() : runs.findLatestOf(experimentIds);
    }

    @Transactional(readOnly = true)
    Optional<RunView> latest(UUID experimentId) {
        return runs.findFirstByExperimentIdOrderByCreatedAtDesc(experimentId).map(this::view);
    }

    @Transactional(readOnly = true)
    String experimentName(UUID runId) {
        return find(runId).experimentName();
    }

    @Transactional(readOnly = true)
    NodeResultView nodeResult(UUID runId, String nodeId) {
        find(runId);
        NodeRunEntity node = nodeRuns.findById(new NodeRunKey(runId, nodeId))
                .orElseThrow(() -> new NodeRunNotFoundException(runId, nodeId));
        return new NodeResultView(node.nodeId(), node.state(), node.message(), node.outputs().ports());
    }

    /**
     * The runs that decide whether these nodes are stale, newest first: for each node the latest run it succeeded in,
     * with its graph and the nodes that succeeded in it. Asked on every edit, so only those runs' graphs are read.
     */
    @Transactional(readOnly = true)
    List<StaleNodes.RunSnapshot> snapshots(UUID experimentId, Collection<String> nodes) {
        Map<UUID, List<String>> succeeded = new LinkedHashMap<>();
        for (Object[] row : nodeRuns.findRunAndNodeIds(experimentId, NodeState.SUCCEEDED)) {
            succeeded.computeIfAbsent((UUID) row[0], run -> new ArrayList<>()).add((String) row[1]);
        }
        Set<String> unseen = new HashSet<>(nodes);
        List<UUID> deciding = new ArrayList<>();
        for (Map.Entry<UUID, List<String>> run : succeeded.entrySet()) {
            if (unseen.isEmpty()) {
                break;
            }
            if (unseen.removeAll(run.getValue())) {
                deciding.add(run.getKey());
            }
        }
        Map<UUID, RunEntity> read = runs.findAllById(deciding).stream()
                .collect(Collectors.toMap(RunEntity::id, run -> run));
        return deciding.stream()
                .map(id -> new StaleNodes.RunSnapshot(id, read.get(id).graph(), succeeded.get(id)))
                .toList();
    }

    /**
     * What deleting an experiment's runs does to the workspace: their directories go, except the table outputs that
     * runs of other experiments reused (and still show), which stay until the last of those runs goes too.
     *
     * @param kept the locations of the tables that stay, as the engine reported them
     * @param orphaned the locations of tables these runs reused from runs deleted before them, which no other run
     *     shows: they go too
     */
    record Leftovers(List<UUID> runs, Set<String> kept, Set<String> orphaned) {}

    @Transactional(readOnly = true)
    Leftovers leftoversOf(UUID experimentId) {
        List<UUID> ids = runs.findByExperimentIdOrderByCreatedAtDesc(experimentId).stream().map(RunEntity::id)
                .toList();
        Set<UUID> going = Set.copyOf(ids);
        Set<String> kept = locationsReusedOutside(ids.stream().map(UUID::toString).toList(), going);
        Map<String, Set<String>> reusedFromDeleted = new HashMap<>();
        for (NodeRunEntity node : nodeRuns.findByKeyRunIdIn(ids)) {
            Optional<UUID> from = runId(node.reusedFrom());
            if (from.isPresent() && !going.contains(from.get()) && !runs.existsById(from.get())) {
                reusedFromDeleted.computeIfAbsent(node.reusedFrom(), f -> new HashSet<>()).addAll(locations(node));
            }
        }
        Set<String> orphaned = new HashSet<>();
        reusedFromDeleted.values().forEach(orphaned::addAll);
        orphaned.removeAll(locationsReusedOutside(List.copyOf(reusedFromDeleted.keySet()), going));
        return new Leftovers(ids, kept, Set.copyOf(orphaned));
    }

    /** The table locations of the nodes of runs not {@code going} that reused outputs of {@code runIds}. */
    private Set<String> locationsReusedOutside(List<String> runIds, Set<UUID> going) {
        Set<String> locations = new HashSet<>();
        nodeRuns.findByReusedFromIn(runIds).stream().filter(node -> !going.contains(node.runId()))
                .forEach(node -> locations.addAll(locations(node)));
        return Set.copyOf(locations);
    }

    /** The run a node reused the outputs of; empty for none, or for a run the engine named that is not a server's. */
    private static Optional<UUID> runId(String reusedFrom) {
        try {
            return Optional.ofNullable(reusedFrom).map(UUID::fromString);
        } catch (IllegalArgumentException notAServerRun) {
            return Optional.empty();
        }
    }

    private static List<String> locations(NodeRunEntity node) {
        return node.outputs().ports().values().stream().map(PortResult::location).filter(Objects::nonNull).toList();
    }

    /** The unfinished runs created before {@code instant} (by an earlier server process, at startup). */
    @Transactional(readOnly = true)
    List<UUID> unfinishedBefore(Instant instant) {
        return runs.findByStateIn(UNFINISHED).stream().filter(run -> run.createdAt().isBefore(instant))
                .map(RunEntity::id).toList();
    }

    @Transactional(readOnly = true)
    List<UUID> unfinishedOf(UUID experimentId) {
        return runs.findByExperimentIdAndStateIn(experimentId, UNFINISHED).stream().map(RunEntity::id).toList();
    }

    /**
     * A run an earlier server process queued or was starting, whose engine never started: queued again, for an engine
     * that presents {@code tokenHash}'s token. Empty when the run has moved on meanwhile.
     */
    Optional<RunView> requeue(UUID runId, String tokenHash) {
        return runs.lockById(runId)
                .filter(run -> run.state() == RunState.QUEUED || run.state() == RunState.STARTING)
                .map(run -> {
                    run.requeued(tokenHash);
                    return view(run);
                });
    }

    /** Runs with exported models whose registration has not been confirmed (the server died in between). */
    @Transactional(readOnly = true)
    List<Applied> unregisteredModels() {
        return runs.findIdsWithUnregisteredModels().stream().map(this::find)
                .map(run -> new Applied(view(run), run.experimentName(), run.revision(), run.unregisteredModels(),
                        false))
                .toList();
    }

    /** The models have been registered: no need to register them again at the next start. */
    void modelsRegistered(UUID runId, List<RunEvent.ModelExported> models) {
        runs.lockById(runId).ifPresent(run -> run.registered(models));
    }

    /** QUEUED → STARTING; empty when the run is no longer queued (cancelled meanwhile). */
    Optional<RunView> starting(UUID runId) {
        RunEntity run = runs.lockById(runId).orElseThrow(() -> new RunNotFoundException(runId));
        if (run.state() != RunState.QUEUED) {
            return Optional.empty();
        }
        run.starting(now());
        return Optional.of(view(run));
    }

    /**
     * Ends a run that has not ended yet; its unfinished nodes are skipped. Empty when it had already ended, so the
     * first of (engine report, cancel, timeout, process exit) decides.
     */
    Optional<RunView> finish(UUID runId, RunState state, String message) {
        return runs.lockById(runId).filter(run -> !run.isFinal()).map(run -> {
            endRun(run, state, message, nodesOf(run));
            return view(run);
        });
    }

    /**
     * Applies the engine's events in order; a batch already applied (same or lower sequence) changes nothing.
     *
     * @throws EngineCallbackRefusedException when the run is unknown or the token is not this run's
     */
    Applied apply(UUID runId, String token, RunEventBatch batch) {
        RunEntity run = runs.lockById(runId).orElseThrow(EngineCallbackRefusedException::new);
        if (!CallbackTokens.matches(token, run.callbackTokenHash())) {
            throw new EngineCallbackRefusedException();
        }
        if (batch.sequence() <= run.lastSequence()) {
            log.debug("Run {}: event batch {} was already applied", runId, batch.sequence());
            return new Applied(view(run), run.experimentName(), run.revision(), List.of(), false);
        }
        run.sequenceApplied(batch.sequence());
        if (run.isFinal()) {
            // Cancelled or timed out: whatever the engine still says no longer changes the run.
            return new Applied(view(run), run.experimentName(), run.revision(), List.of(), false);
        }
        Map<String, NodeRunEntity> nodes = nodesOf(run);
        List<RunEvent.ModelExported> models = new ArrayList<>();
        boolean finished = false;
        for (RunEvent event : batch.events()) {
            if (finished) {
                break;
            }
            switch (event) {
                case RunEvent.RunStarted started -> run.sparkStarted(started.sparkAppId(), started.sparkUiUrl());
                case RunEvent.NodeStatusChanged status -> node(nodes, runId, status.nodeId()).ifPresent(
                        n -> n.changeState(status, instant(status.at())));
                case RunEvent.NodeOutput output -> node(nodes, runId, output.nodeId()).ifPresent(
                        n -> n.output(output.port(), output.result()));
                case RunEvent.ModelExported model -> models.add(model);
                case RunEvent.NodeProgress nodeProgress -> progress.record(runId, nodeProgress);
                case RunEvent.RunFinished end -> {
                    RunState state = end.state() != null && end.state().isFinal() ? end.state() : RunState.FAILED;
                    endRun(run, state, end.message(), nodes);
                    finished = true;
                }
            }
        }
        run.awaitRegistration(models);
        return new Applied(view(run, nodes), run.experimentName(), run.revision(), models, finished);
    }

    /**
     * Ends a run from what its engine wrote to {@code status.json}, when that tells the end: the same node states
     * and models the callbacks would have brought. Empty when the run had already ended or the file does not tell
     * the end yet.
     */
    Optional<Applied> reconcile(UUID runId, RunStatus status) {
        if (!status.tellsTheEnd()) {
            return Optional.empty();
        }
        return runs.lockById(runId).filter(run -> !run.isFinal()).map(run -> {
            Map<String, NodeRunEntity> nodes = nodesOf(run);
            RunEvent.RunStarted started = status.started();
            if (started != null) {
                run.sparkStarted(started.sparkAppId(), started.sparkUiUrl());
            }
            for (RunEvent.NodeStatusChanged node : status.nodes()) {
                node(nodes, runId, node.nodeId()).ifPresent(n -> n.changeState(node, instant(node.at())));
            }
            endRun(run, status.finished().state(), status.finished().message(), nodes);
            run.awaitRegistration(status.models());
            return new Applied(view(run, nodes), run.experimentName(), run.revision(), status.models(),
                    true);
        });
    }

    /** Records the Spark application id as the launcher learnt it; empty when the run has ended. */
    Optional<RunView> sparkApplication(UUID runId, String appId) {
        return runs.lockById(runId).filter(run -> !run.isFinal() && !appId.equals(run.sparkAppId())).map(run -> {
            run.sparkApplication(appId);
            return view(run);
        });
    }

    private void endRun(RunEntity run, RunState state, String message, Map<String, NodeRunEntity> nodes) {
        Instant now = now();
        run.finish(state, message, now);
        progress.forget(run.id());
        String skipped = switch (state) {
            case CANCELLED -> "Not run: the run was cancelled";
            case SUCCEEDED -> "Not run";
            default -> "Not run: the run failed";
        };
        for (NodeRunEntity node : nodes.values()) {
            if (!node.state().isFinal()) {
                node.changeState(NodeState.SKIPPED, skipped, now);
            }
        }
    }

    private static Optional<NodeRunEntity> node(Map<String, NodeRunEntity> nodes, UUID runId, String nodeId) {
        NodeRunEntity node = nodes.get(nodeId);
        if (node == null) {
            log.warn("Run {}: the engine reported node '{}', which the run's graph does not have", runId, nodeId);
        }
        return Optional.ofNullable(node);
    }

    private RunEntity find(UUID runId) {
        return runs.findById(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    private Map<String, NodeRunEntity> nodesOf(RunEntity run) {
        return nodeRuns.findByKeyRunIdOrderByPosition(run.id()).stream()
                .collect(Collectors.toMap(NodeRunEntity::nodeId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
    }

    private RunView view(RunEntity run) {
        return view(run, nodesOf(run));
    }

    private RunView view(RunEntity run, Map<String, NodeRunEntity> nodes) {
        Map<String, NodeRunView> nodeViews = new LinkedHashMap<>();
        nodes.values().forEach(n -> nodeViews.put(n.nodeId(), n.view().withProgress(progress.of(run.id(),
                n.nodeId()))));
        return new RunView(run.id(), run.workspaceId(), run.experimentId(), run.state(), run.message(), run.sparkAppId(),
                run.sparkUiUrl(), run.startedAt(), run.finishedAt(), Collections.unmodifiableMap(nodeViews),
                run.launchSettings(), run.runOptions());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant instant(long epochMillis) {
        return epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
