package io.easel.server.schedule;

import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.DeploymentView;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import io.easel.server.security.Access;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Deploys the model version a successful scheduled run exported to the schedule's deployment, through
 * {@link DeploymentService#deploy}, as the schedule's owner (who must be signed in on the calling thread): whatever
 * a deploy checks applies. Where the schedule asks for a canary first and the deployment serves already, the version
 * starts as a canary instead ({@link DeploymentService#startCanary}), and is promoted later through
 * {@link DeploymentService#promoteCanary}, which applies the gate. A refusal is no failure of the run: it is audited
 * with its reason ({@link AuditAction#PROMOTION_REFUSED}), a promotion as {@link AuditAction#PROMOTED_BY_SCHEDULE}.
 */
@Component
@StudioOnly
class SchedulePromotion {

    private static final Logger log = LoggerFactory.getLogger(SchedulePromotion.class);

    private final ModelService models;
    private final DeploymentService deployments;
    private final ScheduledCanaryRepository canaries;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;

    SchedulePromotion(ModelService models, DeploymentService deployments, ScheduledCanaryRepository canaries,
            Access access, AuditLog audit, Clock clock) {
        this.models = models;
        this.deployments = deployments;
        this.canaries = canaries;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Promotes what the pending promotion's run exported; answers the deployment, or empty when it was refused. */
    Optional<DeploymentView> promote(PendingPromotionEntity pending) {
        List<ModelVersionView> exported = models.producedBy(pending.runId());
        Optional<ModelVersionView> chosen = exported.size() == 1 ? Optional.of(exported.getFirst())
                : servedModelAmong(exported, pending);
        if (chosen.isEmpty()) {
            refuse(pending, exported.isEmpty() ? "the run exported no model"
                    : "the run exported " + exported.size() + " models and deployment '" + pending.promoteTo()
                            + "' serves none of them, so which to deploy is not clear");
            return Optional.empty();
        }
        ModelVersionView version = chosen.get();
        String what = "model " + version.modelId() + " version " + version.version() + " from scheduled run "
                + pending.runId();
        try {
            if (pending.canary().isPresent() && deployment(pending).isPresent()) {
                return Optional.of(startCanary(pending, version, pending.canary().orElseThrow(), what));
            }
            DeploymentView deployed = deployments.deploy(version.modelId(), version.version(), pending.promoteTo());
            audit.record(AuditAction.PROMOTED_BY_SCHEDULE, pending.workspaceId(), pending.promoteTo(), what);
            return Optional.of(deployed);
        } catch (ErrorResponseException refused) {
            refuse(pending, what + ": " + refused.getBody().getDetail());
            return Optional.empty();
        }
    }

    private DeploymentView startCanary(PendingPromotionEntity pending, ModelVersionView version, CanaryStep canary,
            String what) {
        DeploymentView started = deployments.startCanary(access.workspace(pending.workspaceId().toString()),
                pending.promoteTo(), version.version(), canary.percent());
        String when = "";
        if (canary.promoteAfter() != null) {
            Instant promoteAt = clock.instant().plus(canary.promoteAfter()).truncatedTo(ChronoUnit.MICROS);
            canaries.save(new ScheduledCanaryEntity(pending, version.modelId(), version.version(), promoteAt));
            when = ", to be promoted at " + promoteAt;
        }
        audit.record(AuditAction.PROMOTED_BY_SCHEDULE, pending.workspaceId(), pending.promoteTo(),
                what + " as a canary taking " + canary.percent() + " %" + when);
        return started;
    }

    /**
     * Promotes the canary a schedule started, through the deployment's gate; answers the deployment, or empty when it
     * was refused (the gate failed, or the canary was aborted or replaced meanwhile: then it is left as people left
     * it).
     */
    Optional<DeploymentView> promoteCanary(ScheduledCanaryEntity due) {
        String what = "canary model " + due.modelId() + " version " + due.version() + " from scheduled run "
                + due.runId();
        WorkspaceRef workspace = access.workspace(due.workspaceId().toString());
        try {
            DeploymentView deployment = deployments.get(workspace, due.deployment());
            if (!due.modelId().equals(deployment.modelId())
                    || !Integer.valueOf(due.version()).equals(deployment.canaryVersion())) {
                return refuse(due.runId(), due.workspaceId(), due.deployment(), what + ": it is no longer the "
                        + "deployment's canary (promoted, aborted or replaced meanwhile), so it is left as it is");
            }
            DeploymentView promoted = deployments.promoteCanary(workspace, due.deployment());
            audit.record(AuditAction.PROMOTED_BY_SCHEDULE, due.workspaceId(), due.deployment(),
                    what + " promoted as planned at " + due.promoteAt());
            return Optional.of(promoted);
        } catch (ErrorResponseException refused) {
            return refuse(due.runId(), due.workspaceId(), due.deployment(), what + ": "
                    + refused.getBody().getDetail());
        }
    }

    /** Audits that the run's model was not promoted, and why; a refusal does not touch the run. */
    Optional<DeploymentView> refuse(PendingPromotionEntity pending, String reason) {
        return refuse(pending.runId(), pending.workspaceId(), pending.promoteTo(), reason);
    }

    private Optional<DeploymentView> refuse(UUID runId, UUID workspaceId, String deployment, String reason) {
        log.warn("Scheduled run {}: not promoted to '{}': {}", runId, deployment, reason);
        audit.record(AuditAction.PROMOTION_REFUSED, workspaceId, deployment, reason);
        return Optional.empty();
    }

    /**
     * The deployment the promotion goes to, when it exists and the owner may read it (otherwise the deploy says why it
     * cannot be made): a canary runs only beside a version a deployment serves.
     */
    private Optional<DeploymentView> deployment(PendingPromotionEntity pending) {
        try {
            return Optional.of(deployments.get(access.workspace(pending.workspaceId().toString()),
                    pending.promoteTo()));
        } catch (ErrorResponseException noSuchDeployment) {
            return Optional.empty();
        }
    }

    /** Of several exported versions, the one of the model the deployment already serves. */
    private Optional<ModelVersionView> servedModelAmong(List<ModelVersionView> exported,
            PendingPromotionEntity pending) {
        return deployment(pending).flatMap(target -> exported.stream()
                .filter(v -> v.modelId().equals(target.modelId())).findFirst());
    }
}
