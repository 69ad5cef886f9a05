package io.easel.server.deployment;

import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named scoring endpoints. A deployment points at one model version; deploying another version of the same model
 * under the same name re-points it, so clients keep their URL. Serving reads only the database and the model store,
 * so any server replica can serve any deployment.
 */
@Service
public class DeploymentService {

    private final DeploymentRepository deployments;
    private final ModelService models;

    DeploymentService(DeploymentRepository deployments, ModelService models) {
        this.deployments = deployments;
        this.models = models;
    }

    /**
     * Serves a model version at {@code /api/score/<name>}.
     *
     * @param version the version to serve, or null for the latest
     * @param name the endpoint name (a slug), or null to derive one from the model's name; a name that already
     *     serves this model is re-pointed to {@code version}
     * @throws io.easel.server.model.ModelNotFoundException (404) for an unknown model or version
     * @throws DeploymentNameException 400 when {@code name} is not a slug, 409 when it serves another model
     */
    @Transactional
    public DeploymentView deploy(UUID modelId, Integer version, String name) {
        ModelVersionView target = version == null ? models.latestVersion(modelId) : models.version(modelId, version);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (name != null && !name.isBlank()) {
            String chosen = name.trim();
            if (!DeploymentName.isSlug(chosen)) {
                throw DeploymentNameException.notASlug(chosen);
            }
            Optional<DeploymentEntity> existing = deployments.findByName(chosen);
            if (existing.isPresent() && !existing.get().modelId().equals(modelId)) {
                throw DeploymentNameException.taken(chosen);
            }
            return view(existing.map(d -> switchTo(d, target, now)).orElseGet(() -> create(chosen, target, now)),
                    target);
        }
        String base = DeploymentName.derive(target.modelName(), modelId);
        for (int suffix = 1; ; suffix++) {
            String candidate = suffix == 1 ? base : base + "-" + suffix;
            Optional<DeploymentEntity> existing = deployments.findByName(candidate);
            if (existing.isEmpty()) {
                return view(create(candidate, target, now), target);
            }
            if (existing.get().modelId().equals(modelId)) {
                return view(switchTo(existing.get(), target, now), target);
            }
        }
    }

    /** All deployments by name. */
    @Transactional(readOnly = true)
    public List<DeploymentView> list() {
        return deployments.findAll(Sort.by("name")).stream().map(this::view).toList();
    }

    /** @throws DeploymentNotFoundException (404) */
    @Transactional(readOnly = true)
    public DeploymentView get(String name) {
        return view(entity(name));
    }

    /**
     * The deployment and the model version it serves, in one look-up for scoring.
     *
     * @throws DeploymentNotFoundException (404)
     */
    @Transactional(readOnly = true)
    Served served(String name) {
        DeploymentEntity deployment = entity(name);
        ModelVersionView version = models.version(deployment.modelId(), deployment.modelVersion());
        return new Served(view(deployment, version), version);
    }

    record Served(DeploymentView deployment, ModelVersionView version) {}

    /** @throws DeploymentNotFoundException (404) */
    @Transactional
    public void delete(String name) {
        deployments.delete(entity(name));
    }

    private DeploymentEntity create(String name, ModelVersionView target, Instant now) {
        try {
            return deployments.saveAndFlush(new DeploymentEntity(name, target.modelId(), target.version(), now));
        } catch (DataIntegrityViolationException e) {
            // another request took the name between our look-up and insert
            throw DeploymentNameException.taken(name);
        }
    }

    private static DeploymentEntity switchTo(DeploymentEntity deployment, ModelVersionView target, Instant now) {
        deployment.switchTo(target.version(), now);
        return deployment;
    }

    private DeploymentEntity entity(String name) {
        return deployments.findByName(name).orElseThrow(() -> new DeploymentNotFoundException(name));
    }

    private DeploymentView view(DeploymentEntity deployment) {
        return view(deployment, models.version(deployment.modelId(), deployment.modelVersion()));
    }

    private static DeploymentView view(DeploymentEntity deployment, ModelVersionView version) {
        return new DeploymentView(deployment.id(), deployment.name(), deployment.modelId(), deployment.modelVersion(),
                DeploymentView.endpointPath(deployment.name()), version.inputs(), deployment.createdAt());
    }
}
