package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static io.easel.server.deployment.PrometheusSamples.sample;
import static org.assertj.core.api.Assertions.within;

import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.ServerTest;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditEntry;
import io.easel.server.audit.AuditLog;
import io.easel.server.model.ModelFixture;
import io.easel.server.model.ModelService;
import io.easel.server.security.ApiKeyService;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.security.WorkspaceRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * Canary releases over real HTTP: one model with two versions that score differently (version 1 is the engine's
 * credit GBDT, version 2 the hand-made strict one), a deployment serving version 1 and a canary of version 2.
 */
@ServerTest
@ExtendWith(AsAdministrator.class)
class CanaryApiTest {

    @Autowired
    ApplicationContext server;

    @Autowired
    ModelService models;

    @Autowired
    DeploymentService deployments;

    @Autowired
    ScoringService scoringService;

    @Autowired
    ApiKeyService keys;

    @Autowired
    AuditLog audit;

    @Value("${local.server.port}")
    int port;

    /** An analyst's API key, as a client and an editor use it. */
    Api analyst;
    UUID modelId;
    String name;
    String scoring;
    Map<String, Object> record;

    @BeforeEach
    void deployVersionOneOfAModelWithTwoVersions() {
        modelId = ModelFixture.registerTwoVersions(server, "Canary");
        assertThat(models.get(modelId).latestVersion()).isEqualTo(2);
        name = "canary-" + UUID.randomUUID().toString().substring(0, 8);
        scoring = deployments.deploy(modelId, 1, name).endpointPath();
        analyst = Api.anonymous(port).withKey(keys.create(WorkspaceRef.DEFAULT, "canary test", WorkspaceRole.ANALYST)
                .key());
        record = ModelFixture.CREDIT_GBDT_STRICT.records().getFirst();
    }

    /**
     * 500 requests with a 30 % canary: the canary's share lies within 5 standard deviations of 150; every answer names
     * its version in the body and the header, and scores as a deployment serving only that version does; Prometheus
     * counts under each version exactly the answers that version gave.
     */
    @Test
    void shouldSendThePercentOfRequestsToTheCanaryAndAnswerWithEachVersionsOwnScores() {
        Map<Integer, Double> ownScores = Map.of(1, scoreServedAlone(1), 2, scoreServedAlone(2));
        assertThat(ownScores.get(1)).as("the two versions must score differently for this test to tell them apart")
                .isNotCloseTo(ownScores.get(2), within(1e-6));

        Api.Response started = analyst.post(canary(""), Map.of("version", 2, "percent", 30));

        assertThat(started.status()).as(started.text()).isEqualTo(200);
        assertThat(started.body().path("modelVersion").asInt()).isEqualTo(1);
        assertThat(started.body().path("canaryVersion").asInt()).isEqualTo(2);
        assertThat(started.body().path("canaryPercent").asInt()).isEqualTo(30);
        assertThat(analyst.get("/api/deployments/" + name).body().path("canaryPercent").asInt()).isEqualTo(30);
        int requests = 500;
        Map<Integer, Integer> answered = new ConcurrentHashMap<>();
        for (int i = 0; i < requests; i++) {
            Api.Response scored = analyst.post(scoring, record);
            assertThat(scored.status()).as(scored.text()).isEqualTo(200);
            int version = scored.body().path("modelVersion").asInt();
            assertThat(scored.raw().headers().firstValue("Easel-Model-Version")).contains(Integer.toString(version));
            assertThat(scored.body().path("predictions").get(0).path("score").asDouble())
                    .isCloseTo(ownScores.get(version), within(1e-12));
            answered.merge(version, 1, Integer::sum);
        }

        double expected = requests * 0.3;
        double deviation = Math.sqrt(requests * 0.3 * 0.7);
        assertThat(answered.keySet()).containsExactlyInAnyOrder(1, 2);
        assertThat((double) answered.get(2)).isCloseTo(expected, within(5 * deviation));
        String metrics = Api.asAdmin(port).get("/actuator/prometheus").text();
        for (int version : List.of(1, 2)) {
            assertThat(sample(metrics, "easel_scoring_requests_seconds_count", "deployment=\"" + name
                    + "\",outcome=\"success\",version=\"" + version + "\",workspace=\"default\""))
                    .as("version %d", version).isEqualTo((double) answered.get(version));
        }
        DeploymentView deployment = deployments.get(WorkspaceRef.DEFAULT, name);
        assertThat(scoringService.figures(WorkspaceRef.DEFAULT, deployment).requests())
                .isEqualTo(answered.get(1).longValue());
        assertThat(scoringService.canaryFigures(WorkspaceRef.DEFAULT, deployment)).hasValueSatisfying(
                canary -> assertThat(canary.requests()).isEqualTo(answered.get(2).longValue()));
        assertThat(audited(AuditAction.CANARY_STARTED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("version 2 takes 30 % beside version 1"));
    }

    @Test
    void shouldPromoteTheCanarySoThatARollBackReturnsToTheVersionServedBefore() {
        analyst.post(canary(""), Map.of("version", 2, "percent", 10));

        Api.Response promoted = analyst.post(canary("/promote"), null);

        assertThat(promoted.status()).as(promoted.text()).isEqualTo(200);
        assertThat(promoted.body().path("modelVersion").asInt()).isEqualTo(2);
        assertThat(promoted.body().path("previousVersion").asInt()).isEqualTo(1);
        assertThat(promoted.body().path("canaryVersion").isNull()).isTrue();
        assertThat(promoted.body().path("canaryPercent").isNull()).isTrue();
        assertThat(versionsAnswering(20)).containsExactly(2);
        assertThat(audited(AuditAction.CANARY_PROMOTED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith("version 2 replaces version 1"));
        assertThat(analyst.post("/api/deployments/" + name + "/rollback", null).body().path("modelVersion").asInt())
                .isEqualTo(1);
        assertThat(versionsAnswering(5)).containsExactly(1);
    }

    @Test
    void shouldAbortTheCanarySoThatTheServedVersionAnswersEveryRequest() {
        analyst.post(canary(""), Map.of("version", 2, "percent", 99));

        Api.Response aborted = analyst.post(canary("/abort"), null);

        assertThat(aborted.status()).as(aborted.text()).isEqualTo(200);
        assertThat(aborted.body().path("modelVersion").asInt()).isEqualTo(1);
        assertThat(aborted.body().path("previousVersion").isNull()).isTrue();
        assertThat(aborted.body().path("canaryVersion").isNull()).isTrue();
        assertThat(versionsAnswering(20)).containsExactly(1);
        assertThat(scoringService.canaryFigures(WorkspaceRef.DEFAULT, deployments.get(WorkspaceRef.DEFAULT, name)))
                .isEmpty();
        assertThat(audited(AuditAction.CANARY_ABORTED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("version 2 withdrawn"));
    }

    /** Start, promote, start again (the old version as canary) and abort while three clients score without pause. */
    @Test
    void shouldFailNoRequestWhileCanariesStartArePromotedAndAborted() throws Exception {
        AtomicBoolean scoringOn = new AtomicBoolean(true);
        AtomicInteger succeeded = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Set<Integer> versionsSeen = ConcurrentHashMap.newKeySet();
        CountDownLatch warmedUp = new CountDownLatch(3);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (scoringOn.get()) {
                    try {
                        Api.Response scored = analyst.post(scoring, record);
                        if (scored.status() == 200) {
                            succeeded.incrementAndGet();
                            versionsSeen.add(scored.body().path("modelVersion").asInt());
                        } else {
                            failures.add(scored.status() + " " + scored.text());
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                    warmedUp.countDown();
                }
            }));
        }
        warmedUp.await();

        List<Api.Response> changes = new ArrayList<>();
        changes.add(analyst.post(canary(""), Map.of("version", 2, "percent", 50)));
        Thread.sleep(300);
        changes.add(analyst.post(canary("/promote"), null));
        Thread.sleep(300);
        changes.add(analyst.post(canary(""), Map.of("version", 1, "percent", 50)));
        Thread.sleep(300);
        changes.add(analyst.post(canary("/abort"), null));
        Thread.sleep(300);
        scoringOn.set(false);
        for (Thread client : clients) {
            client.join();
        }

        assertThat(changes).extracting(Api.Response::status).containsOnly(200);
        assertThat(failures).isEmpty();
        assertThat(succeeded.get()).isGreaterThan(20);
        assertThat(versionsSeen).containsExactlyInAnyOrder(1, 2);
        assertThat(analyst.get("/api/deployments/" + name).body().path("modelVersion").asInt()).isEqualTo(2);
    }

    @Test
    void shouldNameTheFieldOfAMissingOrOutOfRangeVersionOrPercent() {
        assertInvalid(Map.of("percent", 30), "version", "field 'version' is missing");
        assertInvalid(Map.of("version", 2), "percent", "field 'percent' is missing");
        assertInvalid(Map.of("version", 2, "percent", 0), "percent", "field 'percent' is 0: send the canary's share");
        assertInvalid(Map.of("version", 2, "percent", 100), "percent", "field 'percent' is 100");
        assertInvalid(Map.of("version", 7, "percent", 30), "version",
                "field 'version' is 7, which is not a version of model " + modelId);
        assertInvalid(null, "version", "field 'version' is missing");
        assertThat(analyst.get("/api/deployments/" + name).body().path("canaryVersion").isNull()).isTrue();
    }

    @Test
    void shouldNameThePercentWhenItIsNotAWholeNumber() {
        for (Object percent : List.of("thirty", 30.5)) {
            Api.Response refused = analyst.post(canary(""), Map.of("version", 2, "percent", percent));

            assertThat(refused.status()).as("%s: %s", percent, refused.text()).isEqualTo(400);
            assertThat(refused.problemDetail()).as("%s", percent).contains("percent");
        }
        assertThat(analyst.get("/api/deployments/" + name).body().path("canaryVersion").isNull()).isTrue();
    }

    @Test
    void shouldAskCallersWhoAreNotSignedInToSignIn() {
        Api anonymous = Api.anonymous(port);
        String schedule = "/api/experiments/" + UUID.randomUUID() + "/schedule";

        assertThat(List.of(anonymous.post(canary(""), Map.of("version", 2, "percent", 30)),
                anonymous.post(canary("/promote"), null), anonymous.post(canary("/abort"), null),
                anonymous.get("/api/deployments/" + name + "/gate"),
                anonymous.put("/api/deployments/" + name + "/gate", Map.of("rules", List.of())),
                anonymous.get(schedule))).extracting(Api.Response::status).containsOnly(401);
        assertThat(analyst.get("/api/deployments/" + name).body().path("canaryVersion").isNull()).isTrue();
    }

    @Test
    void shouldAnswer409WhenACanaryRunsAlreadyOrTheVersionIsServedOrThereIsNoCanary() {
        Api.Response served = analyst.post(canary(""), Map.of("version", 1, "percent", 30));
        Api.Response noneToPromote = analyst.post(canary("/promote"), null);
        Api.Response noneToAbort = analyst.post(canary("/abort"), null);
        analyst.post(canary(""), Map.of("version", 2, "percent", 30));
        Api.Response second = analyst.post(canary(""), Map.of("version", 2, "percent", 40));

        assertThat(List.of(served, noneToPromote, noneToAbort, second)).extracting(Api.Response::status)
                .containsOnly(409);
        assertThat(served.problemDetail()).isEqualTo("Deployment '" + name + "' already serves version 1 to every "
                + "request; a canary tries another version of the model");
        assertThat(noneToPromote.problemDetail()).isEqualTo("Deployment '" + name + "' runs no canary: it serves "
                + "version 1 to every request; start a canary first");
        assertThat(noneToAbort.problemDetail()).isEqualTo(noneToPromote.problemDetail());
        assertThat(second.problemDetail()).isEqualTo("Deployment '" + name + "' already sends 30 % of its requests "
                + "to version 2 as a canary; promote or abort it before starting another");
        assertThat(analyst.get("/api/deployments/" + name).body().path("canaryPercent").asInt()).isEqualTo(30);
    }

    @Test
    void shouldRefuseViewersAndAnswer404ForAnUnknownDeployment() {
        Api viewer = Api.anonymous(port).withKey(keys.create(WorkspaceRef.DEFAULT, "canary viewer",
                WorkspaceRole.VIEWER).key());

        assertThat(viewer.post(canary(""), Map.of("version", 2, "percent", 30)).status()).isEqualTo(403);
        analyst.post(canary(""), Map.of("version", 2, "percent", 30));
        assertThat(viewer.post(canary("/promote"), null).status()).isEqualTo(403);
        assertThat(viewer.post(canary("/abort"), null).status()).isEqualTo(403);
        assertThat(analyst.get("/api/deployments/" + name).body().path("canaryVersion").asInt()).isEqualTo(2);
        for (String action : List.of("", "/promote", "/abort")) {
            Api.Response unknown = analyst.post("/api/deployments/no-such-deployment/canary" + action,
                    Map.of("version", 2, "percent", 30));
            assertThat(unknown.status()).as(action).isEqualTo(404);
        }
    }

    private void assertInvalid(Object body, String field, String detailStart) {
        Api.Response refused = analyst.post(canary(""), body);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.problemDetail()).startsWith(detailStart);
        assertThat(refused.body().path("field").asString()).isEqualTo(field);
    }

    /** The score of {@link #record} from a deployment that serves only {@code version}. */
    private double scoreServedAlone(int version) {
        String alone = "alone-" + version + "-" + UUID.randomUUID().toString().substring(0, 8);
        String path = deployments.deploy(modelId, version, alone).endpointPath();
        Api.Response scored = analyst.post(path, record);
        assertThat(scored.status()).as(scored.text()).isEqualTo(200);
        assertThat(scored.body().path("modelVersion").asInt()).isEqualTo(version);
        return scored.body().path("predictions").get(0).path("score").asDouble();
    }

    private Set<Integer> versionsAnswering(int requests) {
        Set<Integer> versions = new TreeSet<>();
        for (int i = 0; i < requests; i++) {
            Api.Response scored = analyst.post(scoring, record);
            assertThat(scored.status()).as(scored.text()).isEqualTo(200);
            versions.add(scored.body().path("modelVersion").asInt());
        }
        return versions;
    }

    private List<AuditEntry> audited(AuditAction action) {
        return audit.recent(action, null, 100).stream().filter(e -> name.equals(e.target())).toList();
    }

    private String canary(String action) {
        return "/api/deployments/" + name + "/canary" + action;
    }
}
