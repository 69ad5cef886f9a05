package io.easel.server.run;

import io.easel.graph.ExperimentGraph;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "runs")
class RunEntity {

    @Id
    private UUID id;

    private UUID experimentId;

    private String experimentName;

    @Enumerated(EnumType.STRING)
    private RunState state;

    private String message;

    private String sparkAppId;

    private String sparkUiUrl;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private ExperimentGraph graph;

    private String callbackTokenHash;

    /** What the run was launched with; null for runs from before run settings existed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private LaunchSettings launchSettings;

    private long lastSequence;

    private Instant createdAt;

    private Instant startedAt;

    private Instant finishedAt;

    private UUID workspaceId;

    /** Exported, not registered yet (see {@link RunLedger#modelsRegistered}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<RunEvent.ModelExported> unregisteredModels = new ArrayList<>();

    /** The experiment revision the run ran; null for runs from before runs recorded it. */
    private Integer revision;

    /** How the run treats stored node outputs; null for runs from before incremental runs. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private RunOptions runOptions;

    /** What started the run; {@code MANUAL} for runs from before schedules. */
    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger")
    private RunTrigger trigger = RunTrigger.MANUAL;

    protected RunEntity() {}

    RunEntity(UUID id, UUID workspaceId, UUID experimentId, String experimentName, ExperimentGraph graph,
            LaunchSettings launchSettings, RunOptions runOptions, String callbackTokenHash, Instant now) {
        this(id, workspaceId, experimentId, experimentName, graph, null, launchSettings, runOptions, callbackTokenHash,
                now);
    }

    RunEntity(UUID id, UUID workspaceId, UUID experimentId, String experimentName, ExperimentGraph graph,
            Integer revision, LaunchSettings launchSettings, RunOptions runOptions, String callbackTokenHash,
            Instant now) {
        this.id = id;
        this.revision = revision;
        this.runOptions = runOptions;
        this.workspaceId = workspaceId;
        this.launchSettings = launchSettings;
        this.experimentId = experimentId;
        this.experimentName = experimentName;
        this.graph = graph;
        this.callbackTokenHash = callbackTokenHash;
        this.state = RunState.QUEUED;
        this.lastSequence = 0;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    RunOptions runOptions() {
        return runOptions == null ? RunOptions.reuse() : runOptions;
    }

    UUID experimentId() {
        return experimentId;
    }

    RunTrigger trigger() {
        return trigger;
    }

    void triggeredBy(RunTrigger trigger) {
        this.trigger = trigger;
    }

    String experimentName() {
        return experimentName;
    }

    RunState state() {
        return state;
    }

    String message() {
        return message;
    }

    String sparkAppId() {
        return sparkAppId;
    }

    String sparkUiUrl() {
        return sparkUiUrl;
    }

    ExperimentGraph graph() {
        return graph;
    }

    Integer revision() {
        return revision;
    }

    LaunchSettings launchSettings() {
        return launchSettings;
    }

    String callbackTokenHash() {
        return callbackTokenHash;
    }

    long lastSequence() {
        return lastSequence;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    boolean isFinal() {
        return state.isFinal();
    }

    void starting(Instant now) {
        state = RunState.STARTING;
        startedAt = now;
    }

    void sparkStarted(String appId, String uiUrl) {
        sparkAppId = appId;
        sparkUiUrl = uiUrl;
        if (!state.isFinal()) {
            state = RunState.RUNNING;
        }
    }

    /** The launcher learnt the Spark application id (before, or instead of, the engine's run-started event). */
    void sparkApplication(String appId) {
        if (!state.isFinal() && appId != null) {
            sparkAppId = appId;
        }
    }

    void finish(RunState finalState, String why, Instant now) {
        state = finalState;
        message = why;
        finishedAt = now;
        sparkUiUrl = null; // the driver and its UI are gone
    }

    void sequenceApplied(long sequence) {
        lastSequence = sequence;
    }

    /**
     * The run is queued again by another server process (its engine never started): its engine must present this
     * new token.
     */
    void requeued(String newTokenHash) {
        state = RunState.QUEUED;
        startedAt = null;
        callbackTokenHash = newTokenHash;
    }

    List<RunEvent.ModelExported> unregisteredModels() {
        return unregisteredModels == null ? List.of() : List.copyOf(unregisteredModels);
    }

    /** Models exported by this run, to be registered once this change is committed. */
    void awaitRegistration(List<RunEvent.ModelExported> models) {
        List<RunEvent.ModelExported> all = new ArrayList<>(unregisteredModels());
        for (RunEvent.ModelExported model : models) {
            if (all.stream().noneMatch(known -> known.nodeId().equals(model.nodeId())
                    && known.port().equals(model.port()))) {
                all.add(model);
            }
        }
        unregisteredModels = all;
    }

    void registered(List<RunEvent.ModelExported> models) {
        List<RunEvent.ModelExported> left = new ArrayList<>(unregisteredModels());
        left.removeIf(known -> models.stream().anyMatch(m -> m.nodeId().equals(known.nodeId())
                && m.port().equals(known.port())));
        unregisteredModels = left;
    }
}
