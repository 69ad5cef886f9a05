package io.easel.server.deployment;

import io.easel.run.ModelDescription;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import io.easel.server.deployment.drift.DriftMonitor;
import io.easel.server.model.ModelNotFoundException;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import io.easel.server.security.Access;
import io.easel.server.security.NotFoundException;
import io.easel.server.security.WorkspaceRef;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named scoring endpoints. A deployment points at one model version; deploying another version of the same model
 * under the same name re-points it, so clients keep their URL. Serving reads only the database and the model store,
 * so any server replica can serve any deployment; scoring reads them through {@link ServedDeployments}, which every
 * replica refreshes within seconds. A deployment belongs to its model's workspace, and its name is
 * unique there: names are looked up in the workspace a request works in. Deploys and undeploys are audited.
 */
@Service
public class DeploymentService {

    private final DeploymentRepository deployments;
    private final ModelService models;
    private final Access access;
    private final AuditLog audit;
    private final ServedDeployments servedDeployments;
    private final ScoringMeters meters;
    private final DriftMonitor drift;
    private final DeploymentGate gate;

    /**
     * @param servingRefresh how long scoring may go on serving what a deployment served before another replica
     *     changed it ({@code easel.scoring.deployment-refresh})
     */
    DeploymentService(DeploymentRepository deployments, ModelService models, Access access, AuditLog audit,
            ScoringMeters meters, DriftMonitor drift, DeploymentGate gate,
            @Value("${easel.scoring.deployment-refresh:2s}") Duration servingRefresh) {
        this.gate = gate;
        this.deployments = deployments;
        this.models = models;
        this.access = access;
        this.audit = audit;
        this.meters = meters;
        this.drift = drift;
        this.servedDeployments = new ServedDeployments(servingRefresh, this::lookUp);
    }

    /**
     * Serves a model version at {@code /api/score/<name>} in the model's workspace.
     *
     * @param version the version to serve, or null for the latest
     * @param name the endpoint name (a slug), or null to derive one from the model's name; a name that already
     *     serves this model is re-pointed to {@code version}
     * @throws io.easel.server.model.ModelNotFoundException (404) for an unknown model or version
     * @throws DeploymentNameException 400 when {@code name} is not a slug, 409 when it serves another model
     * @throws io.easel.server.security.ForbiddenException (403) for viewers
     */
    @Transactional
    public DeploymentView deploy(UUID modelId, Integer version, String name) {
        return deploy(modelId, version, name, null);
    }

    /**
     * As {@link #deploy(UUID, Integer, String)}, choosing what scoring does with categories the model never saw.
     *
     * @param unseen null to keep what a re-pointed deployment does ({@link UnseenCategories#REJECT} for a new one)
     */
    @Transactional
    public DeploymentView deploy(UUID modelId, Integer version, String name, UnseenCategories unseen) {
        return deploy(modelId, version, name, unseen, GateChoice.NONE);
    }

    /**
     * As {@link #deploy(UUID, Integer, String, UnseenCategories)}, past the deployment's evaluation gate
     * ({@link DeploymentGate}): the version must pass its rules (those {@code choice} brings, if any).
     *
     * @throws GateRefusedException (409) when the version fails the gate and no administrator overrides
     */
    @Transactional
    public DeploymentView deploy(UUID modelId, Integer version, String name, UnseenCategories unseen,
            GateChoice choice) {
        ModelVersionView target = version == null ? models.latestVersion(modelId) : models.version(modelId, version);
        UUID workspaceId = target.workspaceId();
        access.requireEdit(workspaceId, () -> ModelNotFoundException.model(modelId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        DeploymentEntity deployed = name != null && !name.isBlank() ? deployNamed(name.trim(), target, now)
                : deployDerived(target, now);
        gate.admit(deployed, target, choice, now);
        if (unseen != null) {
            deployed.treatUnseenCategories(unseen, now);
        }
        servedDeployments.changed(workspaceId, deployed.name());
        audit.record(AuditAction.DEPLOYED, workspaceId, deployed.name(),
                "model " + modelId + " version " + target.version() + ", unseen categories "
                        + deployed.unseenCategories().jsonName());
        return view(deployed, target);
    }

    private DeploymentEntity deployNamed(String name, ModelVersionView target, Instant now) {
        if (!DeploymentName.isSlug(name)) {
            throw DeploymentNameException.notASlug(name);
        }
        Optional<DeploymentEntity> existing = deployments.findByWorkspaceIdAndName(target.workspaceId(), name);
        if (existing.isPresent() && !existing.get().modelId().equals(target.modelId())) {
            throw DeploymentNameException.taken(name);
        }
        return existing.map(d -> switchTo(d, target, now)).orElseGet(() -> create(name, target, now));
    }

    private DeploymentEntity deployDerived(ModelVersionView target, Instant now) {
        String base = DeploymentName.derive(target.modelName(), target.modelId());
        for (int suffix = 1; ; suffix++) {
            String candidate = suffix == 1 ? base : base + "-" + suffix;
            Optional<DeploymentEntity> existing = deployments.findByWorkspaceIdAndName(target.workspaceId(),
                    candidate);
            if (existing.isEmpty()) {
                return create(candidate, target, now);
            }
            if (existing.get().modelId().equals(target.modelId())) {
                return switchTo(existing.get(), target, now);
            }
        }
    }

    /** The workspace's deployments, by name. */
    @Transactional(readOnly = true)
    public List<DeploymentView> list(WorkspaceRef workspace) {
        access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        return deployments.findByWorkspaceIdOrderByName(workspace.id()).stream().map(this::view).toList();
    }

    /** @throws DeploymentNotFoundException (404) */
    @Transactional(readOnly = true)
    public DeploymentView get(WorkspaceRef workspace, String name) {
        return view(readable(workspace, name));
    }

    /**
     * The deployment and the model version it serves, for scoring: from memory, refreshed from the database within
     * seconds ({@link ServedDeployments}). The caller's access is checked on every call.
     *
     * @throws DeploymentNotFoundException (404)
     */
    Served served(WorkspaceRef workspace, String name) {
        access.requireRead(workspace.id(), () -> new DeploymentNotFoundException(name));
        return servedDeployments.get(workspace.id(), name).orElseThrow(() -> new DeploymentNotFoundException(name));
    }

    private Optional<Served> lookUp(UUID workspaceId, String name) {
        return deployments.findByWorkspaceIdAndName(workspaceId, name).map(deployment -> {
            ModelVersionView version = models.version(deployment.modelId(), deployment.modelVersion());
            if (deployment.canaryVersion() == null) {
                return new Served(view(deployment, version), version, null, TrafficSplit.NONE,
                        deployment.predictionSampling());
            }
            return new Served(view(deployment, version), version,
                    models.version(deployment.modelId(), deployment.canaryVersion()),
                    new TrafficSplit(deployment.canaryPercent()), deployment.predictionSampling());
        });
    }

    /**
     * What a deployment serves, as scoring reads it from memory.
     *
     * @param version the served version
     * @param canary the version a canary tries, or null
     * @param split how requests are shared between the two
     * @param sampling which scored records go into the prediction log ({@link PredictionLog})
     */
    record Served(DeploymentView deployment, ModelVersionView version, ModelVersionView canary, TrafficSplit split,
            PredictionSampling sampling) {

        /** The version that answers this request: the canary for its share of the requests, else the served one. */
        ModelVersionView answering() {
            return canary != null && split.toCanary() ? canary : version;
        }
    }

    /** Scoring reads the deployment again, here at once and on other replicas within seconds. */
    void servingChanged(UUID workspaceId, String name) {
        servedDeployments.changed(workspaceId, name);
    }

    /**
     * Stops serving; the endpoint then answers 404.
     *
     * @throws DeploymentNotFoundException (404)
     * @throws io.easel.server.security.ForbiddenException (403) for viewers
     */
    @Transactional
    public void delete(WorkspaceRef workspace, String name) {
        DeploymentEntity deployment = readable(workspace, name);
        access.requireEdit(workspace.id(), () -> new DeploymentNotFoundException(name));
        deployments.delete(deployment);
        servedDeployments.changed(workspace.id(), name);
        meters.forget(workspace.id(), name);
        drift.forget(deployment.id());
        audit.record(AuditAction.UNDEPLOYED, workspace.id(), name,
                "model " + deployment.modelId() + " version " + deployment.modelVersion());
    }

    /**
     * Serves the version the deployment served before its last swap again, by the same swap a deploy makes (scoring
     * moves over within seconds on every replica, without a gap); the version rolled away from becomes the previous
     * one, so rolling back again undoes the roll-back.
     *
     * @throws DeploymentNotFoundException (404)
     * @throws io.easel.server.security.ForbiddenException (403) for viewers
     * @throws NothingToRollBackException (409) when the deployment has served only one version
     */
    @Transactional
    public DeploymentView rollBack(WorkspaceRef workspace, String name) {
        DeploymentEntity deployment = readable(workspace, name);
        access.requireEdit(workspace.id(), () -> new DeploymentNotFoundException(name));
        int from = deployment.modelVersion();
        deployment.rollBack(Instant.now().truncatedTo(ChronoUnit.MICROS));
        servedDeployments.changed(workspace.id(), name);
        audit.record(AuditAction.ROLLED_BACK, workspace.id(), name,
                "model " + deployment.modelId() + " version " + from + " back to version "
                        + deployment.modelVersion());
        return view(deployment);
    }

    /**
     * Starts a canary release: {@code percent} % of the deployment's scoring requests go to {@code version} (chosen
     * per request), the rest to the version it serves, until the canary is promoted or aborted. Every replica follows
     * within seconds.
     *
     * @param version a version of the deployment's model other than the served one
     * @param percent the canary's share of the requests, 1 to 99
     * @throws DeploymentNotFoundException (404)
     * @throws io.easel.server.security.ForbiddenException (403) for viewers
     * @throws io.easel.server.web.InvalidFieldException 400 naming the field for a missing or out-of-range version
     *     or percent
     * @throws CanaryException 409 when a canary already runs or {@code version} is the served one
     */
    @Transactional
    public DeploymentView startCanary(WorkspaceRef workspace, String name, Integer version, Integer percent) {
        DeploymentEntity deployment = readable(workspace, name);
        access.requireEdit(workspace.id(), () -> new DeploymentNotFoundException(name));
        if (version == null) {
            throw CanaryException.invalidField("version", "is missing: send the model version the canary tries");
        }
        if (percent == null || percent < 1 || percent > 99) {
            throw CanaryException.invalidField("percent", (percent == null ? "is missing" : "is " + percent)
                    + ": send the canary's share of the requests, a whole number from 1 to 99");
        }
        ModelVersionView canary;
        try {
            canary = models.version(deployment.modelId(), version);
        } catch (ModelNotFoundException unknown) {
            throw CanaryException.invalidField("version", "is " + version + ", which is not a version of model "
                    + deployment.modelId() + ", the model deployment '" + name + "' serves");
        }
        deployment.startCanary(canary.version(), percent, Instant.now().truncatedTo(ChronoUnit.MICROS));
        servedDeployments.changed(workspace.id(), name);
        audit.record(AuditAction.CANARY_STARTED, workspace.id(), name, "model " + deployment.modelId() + " version "
                + canary.version() + " takes " + percent + " % beside version " + deployment.modelVersion());
        return view(deployment);
    }

    /**
     * The canary takes all the traffic: it becomes the served version by the same swap a deploy makes (no request
     * fails), and the version served until now becomes the previous one, which a roll-back returns to. The canary must
     * pass the deployment's gate as a deploy would (a canary that fails it stays a canary, to be aborted, or deployed
     * by an administrator's override).
     *
     * @throws DeploymentNotFoundException (404)
     * @throws io.easel.server.security.ForbiddenException (403) for viewers
     * @throws CanaryException (409) when no canary runs
     * @throws GateRefusedException (409) when the canary fails the deployment's gate
     */
    @Transactional
    public DeploymentView promoteCanary(WorkspaceRef workspace, String name) {
        DeploymentEntity deployment = readable(workspace, name);
        access.requireEdit(workspace.id(), () -> new DeploymentNotFoundException(name));
        int from = deployment.modelVersion();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (deployment.canaryVersion() != null) {
            gate.admit(deployment, models.version(deployment.modelId(), deployment.canaryVersion()), GateChoice.NONE,
                    now);
        }
        int promoted = deployment.promoteCanary(now);
        servedDeployments.changed(workspace.id(), name);
        audit.record(AuditAction.CANARY_PROMOTED, workspace.id(), name,
                "model " + deployment.modelId() + " version " + promoted + " replaces version " + from);
        return view(deployment);
    }

    /**
     * Ends the canary: every request goes to the served version again.
     *
     * @throws DeploymentNotFoundException (404)
     * @throws io.easel.server.security.ForbiddenException (403) for viewers
     * @throws CanaryException (409) when no canary runs
     */
    @Transactional
    public DeploymentView abortCanary(WorkspaceRef workspace, String name) {
        DeploymentEntity deployment = readable(workspace, name);
        access.requireEdit(workspace.id(), () -> new DeploymentNotFoundException(name));
        int aborted = deployment.abortCanary(Instant.now().truncatedTo(ChronoUnit.MICROS));
        servedDeployments.changed(workspace.id(), name);
        audit.record(AuditAction.CANARY_ABORTED, workspace.id(), name, "model " + deployment.modelId()
                + " version " + aborted + " withdrawn; version " + deployment.modelVersion() + " serves all");
        return view(deployment);
    }

    private DeploymentEntity create(String name, ModelVersionView target, Instant now) {
        try {
            return deployments.saveAndFlush(new DeploymentEntity(target.workspaceId(), name, target.modelId(),
                    target.version(), UnseenCategories.REJECT, now));
        } catch (DataIntegrityViolationException e) {
            // another request took the name between our look-up and insert
            throw DeploymentNameException.taken(name);
        }
    }

    private static DeploymentEntity switchTo(DeploymentEntity deployment, ModelVersionView target, Instant now) {
        deployment.switchTo(target.version(), now);
        return deployment;
    }

    private DeploymentEntity readable(WorkspaceRef workspace, String name) {
        access.requireRead(workspace.id(), () -> new DeploymentNotFoundException(name));
        return deployments.findByWorkspaceIdAndName(workspace.id(), name)
                .orElseThrow(() -> new DeploymentNotFoundException(name));
    }

    private DeploymentView view(DeploymentEntity deployment) {
        return view(deployment, models.version(deployment.modelId(), deployment.modelVersion()));
    }

    /** The node whose output records the model takes, when that is not what the sources read (see its facts). */
    private static String inputNode(ModelVersionView version) {
        return version.metrics() != null
                && version.metrics().get(ModelDescription.INPUT_BOUNDARY_NODE_FACT) instanceof String node ? node : null;
    }

    private static DeploymentView view(DeploymentEntity deployment, ModelVersionView version) {
        return new DeploymentView(deployment.id(), deployment.name(), deployment.modelId(), deployment.modelVersion(),
                deployment.previousVersion(), DeploymentView.endpointPath(deployment.name()), version.inputs(),
                deployment.createdAt(), deployment.unseenCategories(), inputNode(version), deployment.canaryVersion(),
                deployment.canaryPercent());
    }
}
