package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.ServerTest;
import io.easel.server.model.ModelFixture;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelStore;
import io.easel.server.security.ApiKeyService;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.security.WorkspaceRole;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The liveness and readiness probes of a replica, open to load balancers that do not sign in. */
@ServerTest
@ExtendWith(AsAdministrator.class)
class ServingReadinessTest {

    private static final String SERVED_MODELS = "servedModels";

    @Autowired
    ApplicationContext server;

    @Autowired
    ModelService models;

    @Autowired
    ModelStore store;

    @Autowired
    DeploymentService deployments;

    @Autowired
    DeploymentRepository deploymentRows;

    @Autowired
    HealthContributorRegistry health;

    @Autowired
    ApiKeyService keys;

    @Value("${local.server.port}")
    int port;

    @Test
    void shouldOpenLivenessAndReadinessWithoutSignInAndKeepPrometheusForAdministrators() {
        Api anonymous = Api.anonymous(port);

        Api.Response liveness = anonymous.get("/actuator/health/liveness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().path("status").asString()).isEqualTo("UP");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
        assertThat(anonymous.get("/actuator/health/readiness").body().path("status").asString()).isEqualTo("UP");
        Api analyst = anonymous.withKey(keys.create(WorkspaceRef.DEFAULT, "probe test", WorkspaceRole.ANALYST).key());
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(analyst.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Api.asAdmin(port).get("/actuator/prometheus").status()).isEqualTo(200);
    }

    /**
     * A replica that has not loaded what its deployments serve yet (here a fresh model cache) answers readiness 503
     * DOWN; loading, as the server does at start-up (on a thread of its own, no one signed in), loads the served
     * version and the canary, and readiness turns 200 UP. Liveness stays UP throughout.
     */
    @Test
    void shouldBeNotReadyUntilEveryServedAndCanaryVersionIsLoaded() throws Exception {
        UUID modelId = ModelFixture.registerTwoVersions(server, "Readiness");
        String name = "ready-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.deploy(modelId, 1, name);
        deployments.startCanary(WorkspaceRef.DEFAULT, name, 2, 20);
        ScoringModels freshCache = new ScoringModels(store, 64, true);
        ServedModelsHealthIndicator starting = new ServedModelsHealthIndicator(deploymentRows, models, freshCache);
        Api anonymous = Api.anonymous(port);
        HealthContributor running = health.unregisterContributor(SERVED_MODELS);
        assertThat(running).as("the server's own indicator").isInstanceOf(ServedModelsHealthIndicator.class);
        try {
            health.registerContributor(SERVED_MODELS, starting);

            Api.Response before = anonymous.get("/actuator/health/readiness");
            AtomicReference<Object> signedIn = new AtomicReference<>("not run");
            Thread loading = Thread.ofPlatform().start(() -> {
                signedIn.set(SecurityContextHolder.getContext().getAuthentication());
                starting.loadAll();
            });
            loading.join();
            Api.Response after = anonymous.get("/actuator/health/readiness");

            assertThat(before.status()).isEqualTo(503);
            assertThat(before.body().path("status").asString()).isEqualTo("DOWN");
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(signedIn.get()).as("loading runs with no one signed in").isNull();
            assertThat(starting.health().getStatus()).isEqualTo(Status.UP);
            assertThat(freshCache.isLoaded(modelId, 1)).as("served version loaded").isTrue();
            assertThat(freshCache.isLoaded(modelId, 2)).as("canary version loaded").isTrue();
            assertThat(after.status()).as(after.text()).isEqualTo(200);
            assertThat(after.body().path("status").asString()).isEqualTo("UP");
        } finally {
            health.unregisterContributor(SERVED_MODELS);
            health.registerContributor(SERVED_MODELS, running);
        }
    }
}
