package io.easel.server.deployment;

import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import io.easel.server.run.ModelEvaluation;
import io.easel.server.security.Access;
import io.easel.server.security.ForbiddenException;
import io.easel.server.security.NotFoundException;
import io.easel.server.security.WorkspaceRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * A deployment's evaluation gate: rules on the metrics of a version's evaluations (the evaluation nodes downstream of
 * the model in the run that trained it) that every version the deployment is pointed at must pass. A deploy or
 * re-point that fails is refused (409, audited {@code gate-refused}) unless an administrator overrides it with a
 * reason (audited {@code gate-overridden}); changing the rules is audited {@code gate-changed}.
 */
@Service
public class DeploymentGate {

    private final DeploymentRepository deployments;
    private final Access access;
    private final AuditLog audit;
    private final ModelService models;
    /** Records a refusal in a transaction of its own, since the deploy's transaction rolls back. */
    private final TransactionTemplate separately;

    DeploymentGate(DeploymentRepository deployments, Access access, AuditLog audit,
            ModelService models, PlatformTransactionManager transactions) {
        this.deployments = deployments;
        this.access = access;
        this.audit = audit;
        this.models = models;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @throws DeploymentNotFoundException (404) */
    @Transactional(readOnly = true)
    public Gate get(WorkspaceRef workspace, String name) {
        return readable(workspace, name).gate();
    }

    /** The gates of the workspace's deployments, by deployment name (deployments without rules included). */
    @Transactional(readOnly = true)
    public Map<String, Gate> byDeployment(WorkspaceRef workspace) {
        access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        return deployments.findByWorkspaceIdOrderByName(workspace.id()).stream().collect(Collectors.toMap(
                DeploymentEntity::name, DeploymentEntity::gate, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * Replaces the deployment's rules; the version it serves now is not checked again.
     *
     * @throws DeploymentNotFoundException (404)
     * @throws ForbiddenException (403) for viewers
     * @throws GateRuleException (400) naming the first rule Easel cannot apply
     */
    @Transactional
    public Gate replace(WorkspaceRef workspace, String name, Gate gate) {
        DeploymentEntity deployment = readable(workspace, name);
        access.requireEdit(workspace.id(), () -> new DeploymentNotFoundException(name));
        replace(deployment, gate == null ? Gate.NONE : gate, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return deployment.gate();
    }

    /**
     * The rules {@code candidate} fails, in the gate's order; empty when it passes. A rule on a metric none of the
     * candidate's evaluations reports fails. {@code notWorseThanServed} compares with {@code served}'s figure, and
     * passes when nothing is served, or the served version has no such figure (there is nothing to be worse than).
     *
     * @param gate validated rules (as a deployment holds them)
     * @param served the version the deployment serves now, or null
     */
    public List<GateFailure> check(Gate gate, ModelVersionView candidate, ModelVersionView served) {
        List<GateFailure> failures = new ArrayList<>();
        for (GateRule rule : gate.rules()) {
            OptionalDouble value = figure(candidate, rule.metric());
            if (value.isEmpty()) {
                failures.add(GateFailure.missing(rule, candidate.version()));
            } else if (rule.atLeast() != null && value.getAsDouble() < rule.atLeast()) {
                failures.add(GateFailure.below(rule, value.getAsDouble()));
            } else if (rule.atMost() != null && value.getAsDouble() > rule.atMost()) {
                failures.add(GateFailure.above(rule, value.getAsDouble()));
            } else if (rule.notWorseThanServed() != null && served != null) {
                OptionalDouble reference = figure(served, rule.metric());
                if (reference.isPresent() && rule.direction().worseBeyond(value.getAsDouble(),
                        reference.getAsDouble(), rule.notWorseThanServed())) {
                    failures.add(GateFailure.worseThanServed(rule, value.getAsDouble(), served.version(),
                            reference.getAsDouble()));
                }
            }
        }
        return failures;
    }

    /**
     * Lets {@code candidate} be served by {@code deployment} (just created or re-pointed, in the caller's
     * transaction), or refuses it. Rules the deploy brings replace the deployment's first. A version whose PMML the
     * parity check flagged at export is refused like one failing a rule, whatever the gate holds, and an
     * administrator may override that the same way.
     *
     * @throws GateRefusedException (409) when it fails and no administrator overrides
     * @throws ForbiddenException (403) when anyone but an administrator asks to override
     * @throws ErrorResponseException (400) for an override without a reason
     */
    void admit(DeploymentEntity deployment, ModelVersionView candidate, GateChoice choice, Instant now) {
        GateOverride override = choice.override();
        if (override != null) {
            requireOverrideAllowed(override);
        }
        if (choice.gate() != null) {
            replace(deployment, choice.gate(), now);
        }
        Gate gate = deployment.gate();
        List<GateFailure> failures = new ArrayList<>();
        if (candidate.flagged()) {
            failures.add(GateFailure.parity(candidate));
        }
        if (!gate.rules().isEmpty()) {
            Integer servedVersion = deployment.servedWhenLoaded();
            ModelVersionView served = servedVersion == null ? null : servedVersion == candidate.version() ? candidate
                    : models.version(candidate.modelId(), servedVersion);
            failures.addAll(check(gate, candidate, served));
        }
        if (failures.isEmpty()) {
            return;
        }
        String failed = failures.stream().map(GateFailure::text).collect(Collectors.joining("; "));
        String what = "model " + candidate.modelId() + " version " + candidate.version() + ": ";
        if (override == null) {
            separately.executeWithoutResult(status -> audit.record(AuditAction.GATE_REFUSED,
                    deployment.workspaceId(), deployment.name(), what + failed));
            throw new GateRefusedException(deployment.name(), candidate, failures, access.caller().admin());
        }
        audit.record(AuditAction.GATE_OVERRIDDEN, deployment.workspaceId(), deployment.name(),
                what + failed + "; reason: " + override.reason().strip());
    }

    private void requireOverrideAllowed(GateOverride override) {
        if (!access.caller().admin()) {
            throw new ForbiddenException("Only administrators may deploy a version past its deployment's gate; "
                    + "deploy a version that passes, or ask an administrator");
        }
        if (override.reason() == null || override.reason().isBlank()) {
            ErrorResponseException missing = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            missing.getBody().setTitle("Invalid deployment request");
            missing.getBody().setDetail("field 'override.reason' is missing: say why this version should be "
                    + "deployed past the gate (it goes into the audit log)");
            throw missing;
        }
    }

    private void replace(DeploymentEntity deployment, Gate gate, Instant now) {
        validate(gate);
        if (gate.equals(deployment.gate())) {
            return;
        }
        deployment.replaceGate(gate, now);
        audit.record(AuditAction.GATE_CHANGED, deployment.workspaceId(), deployment.name(),
                gate.rules().isEmpty() ? "no rules" : gate.shortText());
    }

    private static void validate(Gate gate) {
        for (int i = 0; i < gate.rules().size(); i++) {
            GateRule rule = gate.rules().get(i);
            if (rule == null) {
                throw GateRuleException.missing(i + 1);
            }
            rule.validate(i + 1);
        }
    }

    /** The version's figure for {@code metric}: from the first of its evaluations that reports it as a number. */
    private static OptionalDouble figure(ModelVersionView version, String metric) {
        String reported = MetricDirection.reportedName(metric);
        List<ModelEvaluation> evaluations = version.evaluations() == null ? List.of() : version.evaluations();
        return evaluations.stream().map(ModelEvaluation::metrics).filter(Objects::nonNull)
                .map(metrics -> metrics.get(reported)).filter(v -> v instanceof Number).map(v -> (Number) v)
                .mapToDouble(Number::doubleValue).filter(Double::isFinite).findFirst();
    }

    private DeploymentEntity readable(WorkspaceRef workspace, String name) {
        access.requireRead(workspace.id(), () -> new DeploymentNotFoundException(name));
        return deployments.findByWorkspaceIdAndName(workspace.id(), name)
                .orElseThrow(() -> new DeploymentNotFoundException(name));
    }
}
