package io.easel.server.schedule;

import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.DeploymentView;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import io.easel.server.security.Access;
import io.easel.server.settings.StudioOnly;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Deploys the model version a successful scheduled run exported to the schedule's deployment, through
 * {@link DeploymentService#deploy}, as the schedule's owner (who must be signed in on the calling thread): whatever
 * a deploy checks applies. A refusal is no failure of the run: it is audited with its reason
 * ({@link AuditAction#PROMOTION_REFUSED}), a promotion as {@link AuditAction#PROMOTED_BY_SCHEDULE}.
 */
@Component
@StudioOnly
class SchedulePromotion {

    private static final Logger log = LoggerFactory.getLogger(SchedulePromotion.class);

    private final ModelService models;
    private final DeploymentService deployments;
    private final Access access;
    private final AuditLog audit;

    SchedulePromotion(ModelService models, DeploymentService deployments, Access access, AuditLog audit) {
        this.models = models;
        this.deployments = deployments;
        this.access = access;
        this.audit = audit;
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
            DeploymentView deployed = deployments.deploy(version.modelId(), version.version(), pending.promoteTo());
            audit.record(AuditAction.PROMOTED_BY_SCHEDULE, pending.workspaceId(), pending.promoteTo(), what);
            return Optional.of(deployed);
        } catch (ErrorResponseException refused) {
            refuse(pending, what + ": " + refused.getBody().getDetail());
            return Optional.empty();
        }
    }

    /** Audits that the run's model was not promoted, and why; a refusal does not touch the run. */
    Optional<DeploymentView> refuse(PendingPromotionEntity pending, String reason) {
        log.warn("Scheduled run {}: not promoted to '{}': {}", pending.runId(), pending.promoteTo(), reason);
        audit.record(AuditAction.PROMOTION_REFUSED, pending.workspaceId(), pending.promoteTo(), reason);
        return Optional.empty();
    }

    /** Of several exported versions, the one of the model the deployment already serves. */
    private Optional<ModelVersionView> servedModelAmong(List<ModelVersionView> exported,
            PendingPromotionEntity pending) {
        if (exported.isEmpty()) {
            return Optional.empty();
        }
        try {
            DeploymentView target = deployments.get(access.workspace(pending.workspaceId().toString()),
                    pending.promoteTo());
            return exported.stream().filter(v -> v.modelId().equals(target.modelId())).findFirst();
        } catch (ErrorResponseException noSuchDeployment) {
            return Optional.empty();
        }
    }
}
