package io.easel.server.deployment;

import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Readiness of this replica for scoring ({@code servedModels} in the {@code readiness} health group): DOWN from start
 * until every version the deployments serve, canaries included, has been loaded into the scoring model cache, so that
 * a load balancer sends no request that would wait for a model to be read and compiled. The loading runs in the
 * background once the application has started, as the server itself: no caller is signed in, so it reads versions
 * without access checks and without their runs' evaluations ({@link ModelService#versionForServing}). A version that
 * cannot be loaded is logged and reported, and does not hold readiness back: scoring it answers its own error, and a
 * replica that never became ready would serve none of the others.
 */
@Component
class ServedModelsHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ServedModelsHealthIndicator.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final DeploymentRepository deployments;
    private final ModelService models;
    private final ScoringModels scoringModels;
    private volatile Health health = Health.down().withDetail("loading", "not started").build();

    ServedModelsHealthIndicator(DeploymentRepository deployments, ModelService models, ScoringModels scoringModels) {
        this.deployments = deployments;
        this.models = models;
        this.scoringModels = scoringModels;
    }

    @Override
    public Health health() {
        return health;
    }

    @EventListener(ApplicationStartedEvent.class)
    void loadInTheBackground() {
        Thread.ofPlatform().daemon().name("easel-served-models").start(this::loadAll);
    }

    /** Loads every served and canary version (retrying while the database cannot list them); then reports UP. */
    void loadAll() {
        Set<VersionKey> versions = servedVersions();
        health = Health.down().withDetail("loading", versions.size() + " versions").build();
        List<String> unservable = new ArrayList<>();
        for (VersionKey key : versions) {
            try {
                scoringModels.forVersion(models.versionForServing(key.modelId(), key.version()));
            } catch (RuntimeException e) {
                log.warn("Served model {} version {} could not be loaded for scoring: {}", key.modelId(),
                        key.version(), e.getMessage());
                unservable.add(key.modelId() + " version " + key.version());
            }
        }
        log.info("Loaded {} served model versions for scoring ({} could not be loaded)", versions.size(),
                unservable.size());
        health = Health.up().withDetail("versions", versions.size()).withDetail("unservable", unservable).build();
    }

    private Set<VersionKey> servedVersions() {
        while (true) {
            try {
                Set<VersionKey> versions = new LinkedHashSet<>();
                for (DeploymentEntity deployment : deployments.findAll()) {
                    versions.add(new VersionKey(deployment.modelId(), deployment.modelVersion()));
                    if (deployment.canaryVersion() != null) {
                        versions.add(new VersionKey(deployment.modelId(), deployment.canaryVersion()));
                    }
                }
                return versions;
            } catch (RuntimeException e) {
                log.warn("Cannot list the deployments to load their models yet (retrying in {}): {}", RETRY,
                        e.getMessage());
                health = Health.down().withDetail("loading", "waiting for the database").build();
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return Set.of();
                }
            }
        }
    }

    private record VersionKey(UUID modelId, int version) {}
}
