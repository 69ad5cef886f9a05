package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.EaselServerApplication;
import io.easel.server.model.ModelFixture;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelStore;
import io.easel.server.run.ModelExportedNotice;
import io.easel.server.run.RunService;
import io.easel.server.security.WorkspaceRef;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two server processes' worth of application contexts on one PostgreSQL and one model store: a studio and a serving
 * replica ({@code easel.mode=serving}). What the studio deploys, the replica serves identically to the workspace's API
 * keys; what the studio re-points or undeploys, the replica follows within seconds; the replica itself changes nothing
 * and runs nothing. The studio starts without a configured administrator password, so it generates one and prints it
 * once: the tests sign in with what the log says.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServingReplicasTest {

    private static final Pattern GENERATED_PASSWORD = Pattern.compile(
            "first administrator 'admin' with the generated password:\\s+(\\S+)");

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(5);

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext studio;
    static ConfigurableApplicationContext serving;
    static String adminPassword;

    @BeforeAll
    static void startReplicas(CapturedOutput output) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "test-data", "replicas-" + UUID.randomUUID()))
                .toAbsolutePath();
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(true)
                .start();
        String store = dir.resolve("models").toUri().toString();
        studio = replica("studio", dir.resolve("studio"), store);
        serving = replica("serving", dir.resolve("serving"), store);
        Matcher generated = GENERATED_PASSWORD.matcher(output.getAll());
        assertThat(generated.find()).as("the generated password is in the log").isTrue();
        adminPassword = generated.group(1);
        assertThat(generated.find()).as("the generated password is printed once").isFalse();
    }

    private static ConfigurableApplicationContext replica(String mode, Path dataDir, String store) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("easel.data-dir", dataDir.toString());
        properties.put("easel.model-store", store);
        properties.put("easel.mode", mode);
        // Blank, above the tests' application.properties: no configured password, so one is generated.
        return new SpringApplicationBuilder(EaselServerApplication.class).properties(properties)
                .run("--easel.security.admin-password=");
    }

    @AfterAll
    static void stopReplicas() throws IOException {
        if (serving != null) {
            serving.close();
        }
        if (studio != null) {
            studio.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Api anonymous(ConfigurableApplicationContext replica) {
        return Api.anonymous(((WebServerApplicationContext) replica).getWebServer().getPort());
    }

    private static Api asAdmin(ConfigurableApplicationContext replica) {
        return anonymous(replica).as("admin", adminPassword);
    }

    /** A new API key of the default workspace, made in the studio by the administrator. */
    private static String apiKey(String role) {
        Api.Response created = asAdmin(studio).post("/api/workspaces/default/api-keys",
                Map.of("name", "replica " + role, "role", role));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("key").asString();
    }

    /** The credit GBDT exported by a new run of {@code experimentId}, registered by the studio; its version. */
    private static int export(UUID experimentId) {
        ModelExportedNotice notice = ModelFixture.CREDIT_GBDT.export(studio.getBean(ModelStore.class), experimentId,
                "Credit");
        studio.publishEvent(notice);
        return AsAdministrator.as(studio, "admin", () -> studio.getBean(ModelService.class)
                .producedBy(notice.runId(), ModelFixture.NODE_ID).orElseThrow().version());
    }

    private static List<Object> records() {
        return ModelFixture.CREDIT_GBDT.expectedRows().stream().limit(5).map(row -> row.get("record")).toList();
    }

    @Test
    void shouldServeWhatTheStudioDeploysAndFollowItsChanges() {
        UUID experimentId = UUID.randomUUID();
        int first = export(experimentId);
        Api studioApi = asAdmin(studio);
        Api servingApi = anonymous(serving).withKey(apiKey("viewer"));
        String modelId = AsAdministrator.as(studio, "admin", () -> studio.getBean(ModelService.class)
                .list(WorkspaceRef.DEFAULT)).stream()
                .filter(m -> m.experimentId().equals(experimentId)).findFirst().orElseThrow().id().toString();

        Api.Response deployed = studioApi.post("/api/models/" + modelId + "/versions/" + first + "/deploy",
                Map.of("name", "credit-replicated"));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);

        Api.Response fromStudio = studioApi.post("/api/score/credit-replicated", records());
        Api.Response fromReplica = servingApi.post("/api/score/credit-replicated", records());
        assertThat(fromStudio.status()).as(fromStudio.text()).isEqualTo(200);
        assertThat(fromReplica.status()).as(fromReplica.text()).isEqualTo(200);
        assertThat(fromReplica.body()).isEqualTo(fromStudio.body());
        assertThat(fromReplica.body().get("modelVersion").asInt()).isEqualTo(first);
        assertThat(servingApi.get("/api/deployments/credit-replicated").body().get("modelVersion").asInt())
                .isEqualTo(first);
        assertThat(servingApi.get("/api/models/" + modelId).status()).isEqualTo(200);

        // The studio re-points the deployment to a new version: it serves it at once itself (it has just served the
        // first from memory), and the replica serves it within seconds.
        int second = export(experimentId);
        assertThat(studioApi.post("/api/models/" + modelId + "/versions/" + second + "/deploy",
                Map.of("name", "credit-replicated")).status()).isEqualTo(201);
        assertThat(studioApi.post("/api/score/credit-replicated", records()).body().get("modelVersion").asInt())
                .isEqualTo(second);
        JsonNode switched = await().atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> servingApi.post("/api/score/credit-replicated", records()).body(),
                        body -> body.path("modelVersion").asInt() == second);
        assertThat(switched.get("predictions")).isEqualTo(fromStudio.body().get("predictions"));

        // Undeployed by the studio: gone from the studio at once, and from the replica too.
        assertThat(studioApi.delete("/api/deployments/credit-replicated").status()).isEqualTo(204);
        assertThat(studioApi.post("/api/score/credit-replicated", records()).status()).isEqualTo(404);
        await().atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> servingApi.post("/api/score/credit-replicated", records()).status() == 404);
    }

    /**
     * The studio switches a deployment's prediction log on: the replica follows within seconds, as it follows a
     * re-point, and logs what it scores into the shared table, where the studio reads it.
     */
    @Test
    void shouldLogOnTheReplicaWhatItScoresOnceTheStudioSwitchesTheLogOn() {
        UUID experimentId = UUID.randomUUID();
        int version = export(experimentId);
        Api studioApi = asAdmin(studio);
        Api servingApi = anonymous(serving).withKey(apiKey("viewer"));
        String modelId = AsAdministrator.as(studio, "admin", () -> studio.getBean(ModelService.class)
                .list(WorkspaceRef.DEFAULT)).stream()
                .filter(m -> m.experimentId().equals(experimentId)).findFirst().orElseThrow().id().toString();
        assertThat(studioApi.post("/api/models/" + modelId + "/versions/" + version + "/deploy",
                Map.of("name", "credit-logged")).status()).isEqualTo(201);
        assertThat(servingApi.post("/api/score/credit-logged", records()).status()).isEqualTo(200);

        Api.Response enabled = studioApi.put("/api/deployments/credit-logged/prediction-log",
                Map.of("enabled", true, "sampleRate", 1.0));
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(200);
        assertThat(servingApi.put("/api/deployments/credit-logged/prediction-log", Map.of("enabled", false))
                .status()).as("the replica changes nothing").isIn(404, 405);
        assertThat(servingApi.get("/api/deployments/credit-logged/prediction-log").body().get("enabled").asBoolean())
                .isTrue();

        JsonNode logged = await().atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> {
            servingApi.post("/api/score/credit-logged", records());
            return studioApi.get("/api/deployments/credit-logged/predictions").body();
        }, page -> page.path("total").asLong() > 0);
        JsonNode newest = logged.get("predictions").get(0);
        assertThat(newest.get("modelVersion").asInt()).isEqualTo(version);
        assertThat(newest.get("inputs")).isEqualTo(Api.JSON.valueToTree(records().get(newest.get("record").asInt()
                - 1)));
    }

    @Test
    void shouldRefuseCallersWithoutCredentialsOrWithARevokedKeyOnAServingReplica() {
        String key = apiKey("viewer");
        Api.Response keyId = asAdmin(studio).get("/api/workspaces/default/api-keys");
        String id = keyId.body().valueStream().filter(k -> k.get("name").asString().equals("replica viewer"))
                .findFirst().orElseThrow().get("id").asString();

        assertThat(anonymous(serving).get("/api/deployments").status()).isEqualTo(401);
        assertThat(anonymous(serving).post("/api/score/anything", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous(serving).withKey(key).get("/api/deployments").status()).isEqualTo(200);
        assertThat(anonymous(serving).as("admin", adminPassword).get("/api/deployments").status()).isEqualTo(200);
        assertThat(anonymous(serving).as("admin", "not-the-password").get("/api/deployments").status())
                .isEqualTo(401);

        assertThat(anonymous(studio).withKey(key).get("/api/deployments").status()).isEqualTo(200);

        // Both servers have just authenticated the key (and keep it in memory for a moment): the studio, where it
        // is revoked, refuses it at once; the replica as soon as it reads the key again, within seconds.
        assertThat(asAdmin(studio).delete("/api/workspaces/default/api-keys/" + id).status()).isEqualTo(200);
        assertThat(anonymous(studio).withKey(key).get("/api/deployments").status()).isEqualTo(401);
        Api.Response revoked = await().atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> anonymous(serving).withKey(key).get("/api/deployments"), r -> r.status() == 401);
        assertThat(revoked.problemDetail()).contains("revoked");
    }

    @Test
    void shouldNeitherEditNorRunNorChangeDeploymentsOnAServingReplica() {
        Api servingApi = asAdmin(serving);

        assertThat(serving.getBeanNamesForType(RunService.class)).isEmpty();
        assertThat(servingApi.get("/api/experiments").status()).isEqualTo(404);
        assertThat(servingApi.post("/api/experiments", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(servingApi.get("/api/runs/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(servingApi.post("/api/engine/runs/" + UUID.randomUUID() + "/events", Map.of()).status())
                .isEqualTo(404);
        assertThat(servingApi.post("/api/deployments", Map.of("modelId", UUID.randomUUID())).status())
                .isIn(404, 405);
        assertThat(servingApi.delete("/api/deployments/anything").status()).isIn(404, 405);
        assertThat(servingApi.put("/api/deployments/anything/gate", Map.of("rules", List.of())).status())
                .isIn(404, 405);
        assertThat(servingApi.get("/api/deployments/anything/gate").problemDetail())
                .isEqualTo("There is no deployment named 'anything'");
        assertThat(servingApi.get("/api/deployments").status()).isEqualTo(200);
        assertThat(servingApi.get("/api/models").status()).isEqualTo(200);
        assertThat(servingApi.get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
        assertThat(asAdmin(studio).get("/api/experiments").status()).isEqualTo(200);
    }
}
