package io.easel.server.deployment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "deployments")
class DeploymentEntity {

    @Id
    private UUID id;

    private String name;

    private UUID modelId;

    private int modelVersion;

    /** What it served before the last swap; null until it has swapped once. */
    private Integer previousVersion;

    /** The version a canary release tries on part of the traffic; null when no canary runs. */
    private Integer canaryVersion;

    /** The canary's share of the scoring requests, 1 to 99; null when no canary runs. */
    private Integer canaryPercent;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private Long version;

    private UUID workspaceId;

    @Enumerated(EnumType.STRING)
    private UnseenCategories unseenCategories;

    /** The evaluation gate's rules; empty for none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<GateRule> gate = List.of();

    /** Whether scored records are sampled into the prediction log. */
    private boolean predictionLogEnabled;

    /** The share of the scored records the prediction log keeps, in (0, 1]; kept while the log is off. */
    private double predictionLogRate = 1.0;

    /** The version it served when read from the database, before this transaction changed it; null for a new one. */
    @Transient
    private Integer servedWhenLoaded;

    protected DeploymentEntity() {}

    @PostLoad
    private void rememberServedVersion() {
        servedWhenLoaded = modelVersion;
    }

    DeploymentEntity(UUID workspaceId, String name, UUID modelId, int modelVersion, UnseenCategories unseen,
            Instant now) {
        this.id = UUID.randomUUID();
        this.unseenCategories = unseen;
        this.workspaceId = workspaceId;
        this.name = name;
        this.modelId = modelId;
        this.modelVersion = modelVersion;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Serves another version of the same model from now on; the endpoint stays where it is. The version it served
     * until now becomes the one a roll-back returns to; re-deploying the served version changes nothing.
     */
    void switchTo(int modelVersion, Instant now) {
        if (modelVersion != this.modelVersion) {
            this.previousVersion = this.modelVersion;
            this.modelVersion = modelVersion;
        }
        if (canaryVersion != null && canaryVersion == modelVersion) {
            // every request now goes to what the canary tried: nothing is left to split
            endCanary();
        }
        this.updatedAt = now;
    }

    /**
     * Sends {@code percent} % of the scoring requests to {@code version} from now on.
     *
     * @throws CanaryException (409) when a canary already runs or {@code version} is the served one
     */
    void startCanary(int version, int percent, Instant now) {
        if (canaryVersion != null) {
            throw CanaryException.alreadyRunning(name, canaryVersion, canaryPercent);
        }
        if (version == modelVersion) {
            throw CanaryException.alreadyServed(name, version);
        }
        this.canaryVersion = version;
        this.canaryPercent = percent;
        this.updatedAt = now;
    }

    /**
     * The canary takes all the traffic, by the same swap a deploy makes: what was served becomes the previous version.
     *
     * @return the version promoted
     * @throws CanaryException (409) when no canary runs
     */
    int promoteCanary(Instant now) {
        int promoted = runningCanary();
        switchTo(promoted, now);
        return promoted;
    }

    /**
     * Sends all the traffic back to the served version.
     *
     * @return the version the canary tried
     * @throws CanaryException (409) when no canary runs
     */
    int abortCanary(Instant now) {
        int aborted = runningCanary();
        endCanary();
        this.updatedAt = now;
        return aborted;
    }

    private int runningCanary() {
        if (canaryVersion == null) {
            throw CanaryException.noCanary(name, modelVersion);
        }
        return canaryVersion;
    }

    private void endCanary() {
        this.canaryVersion = null;
        this.canaryPercent = null;
    }

    Integer canaryVersion() {
        return canaryVersion;
    }

    Integer canaryPercent() {
        return canaryPercent;
    }

    /** Swaps the served and the previous version, so rolling back twice returns to where it started. */
    void rollBack(Instant now) {
        if (previousVersion == null) {
            throw new NothingToRollBackException(name, modelVersion);
        }
        switchTo(previousVersion, now);
    }

    Integer previousVersion() {
        return previousVersion;
    }

    void treatUnseenCategories(UnseenCategories unseen, Instant now) {
        this.unseenCategories = unseen;
        this.updatedAt = now;
    }

    Gate gate() {
        return new Gate(gate);
    }

    void replaceGate(Gate gate, Instant now) {
        this.gate = gate.rules();
        this.updatedAt = now;
    }

    PredictionLogSettings predictionLog() {
        return new PredictionLogSettings(predictionLogEnabled, predictionLogRate);
    }

    /** What scoring samples into the prediction log: nothing while the log is off. */
    PredictionSampling predictionSampling() {
        return predictionLogEnabled ? new PredictionSampling(predictionLogRate) : PredictionSampling.NONE;
    }

    /** @param settings complete and valid (see {@link PredictionLog#replaceSettings}) */
    void changePredictionLog(PredictionLogSettings settings, Instant now) {
        this.predictionLogEnabled = settings.enabled();
        this.predictionLogRate = settings.sampleRate();
        this.updatedAt = now;
    }

    /** The version served before this transaction re-pointed it; null for a deployment this transaction created. */
    Integer servedWhenLoaded() {
        return servedWhenLoaded;
    }

    UnseenCategories unseenCategories() {
        return unseenCategories;
    }

    UUID id() {
        return id;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    String name() {
        return name;
    }

    UUID modelId() {
        return modelId;
    }

    int modelVersion() {
        return modelVersion;
    }

    Instant createdAt() {
        return createdAt;
    }
}
