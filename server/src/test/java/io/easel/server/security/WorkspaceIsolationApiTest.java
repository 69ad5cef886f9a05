package io.easel.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import io.easel.server.model.ModelFixture;
import io.easel.server.model.ModelStore;
import io.easel.server.run.ModelExportedNotice;
import io.easel.server.run.RunFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two teams on one server: whatever a member of one workspace tries on the other's experiments, runs, models,
 * deployments, keys and members, through every endpoint the server maps, the answer is 404, as if they did not exist.
 * And within a workspace a viewer reads but cannot change, run or deploy (403).
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceIsolationApiTest {

    private static final String PASSWORD = "a-long-enough-password";

    /**
     * Endpoints that are about no workspace's things, and what a member of another workspace gets from them.
     * Everything else must answer 404 when aimed at the other workspace.
     */
    private static final Map<String, Integer> NOT_OF_A_WORKSPACE = Map.ofEntries(
            Map.entry("GET /api/catalog", 200), Map.entry("GET /api/catalog/{id}", 200),
            Map.entry("GET /api/templates", 200),
            Map.entry("GET /api/me", 200), Map.entry("PUT /api/me/password", 403),
            Map.entry("GET /api/workspaces", 200), Map.entry("POST /api/workspaces", 403),
            Map.entry("GET /api/admin/users", 403), Map.entry("POST /api/admin/users", 403),
            Map.entry("PUT /api/admin/users/{username}", 403), Map.entry("GET /api/admin/audit", 403),
            Map.entry("POST /api/engine/runs/{runId}/events", 401),
            Map.entry("GET /v3/api-docs", 200), Map.entry("GET /v3/api-docs.yaml", 200),
            Map.entry("GET /v3/api-docs/swagger-config", 200), Map.entry("GET /error", 999),
            Map.entry("GET /swagger-ui.html", 999), Map.entry("GET /actuator", 200),
            Map.entry("GET /actuator/health", 200), Map.entry("GET /actuator/health/**", 999),
            Map.entry("GET /actuator/info", 200), Map.entry("GET /actuator/prometheus", 403));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext server;

    @Autowired
    ModelStore store;

    /** Workspace A's things, made by its analyst. */
    record TeamA(String slug, String experiment, String run, String model, String deployment, String apiKey,
            String upload) {}

    TeamA a;
    String suffix;
    Api analystOfA;
    Api analystOfB;
    Api viewerOfA;

    /** Once for the class: the tests below leave A's things (and members) as they found them. */
    @BeforeAll
    void twoTeams() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        Api admin = Api.asAdmin(port);
        String slugA = "team-a-" + suffix;
        String slugB = "team-b-" + suffix;
        for (String slug : List.of(slugA, slugB)) {
            assertThat(admin.post("/api/workspaces", Map.of("slug", slug, "name", "Team " + slug)).status())
                    .isEqualTo(201);
        }
        analystOfA = user(admin, "alice-" + suffix, Map.of(slugA, "analyst"));
        analystOfB = user(admin, "bob-" + suffix, Map.of(slugB, "analyst"));
        viewerOfA = user(admin, "carol-" + suffix, Map.of(slugA, "viewer"));

        Api alice = analystOfA.inWorkspace(slugA);
        Api.Response experiment = alice.post("/api/experiments", Map.of("name", "A's experiment", "graph",
                Graphs.creditSplit(0.8)));
        assertThat(experiment.status()).as(experiment.text()).isEqualTo(201);
        UUID experimentId = UUID.fromString(experiment.body().get("id").asString());
        UUID workspaceId = UUID.fromString(experiment.body().get("workspaceId").asString());
        UUID runId = RunFixture.succeeded(server, workspaceId, experimentId, Graphs.creditSplit(0.8));
        ModelExportedNotice export = ModelFixture.CREDIT_GBDT.notice(workspaceId, experimentId, "A's experiment",
                runId, ModelFixture.CREDIT_GBDT.writeToStore(store, runId), true);
        server.publishEvent(export);
        String modelId = alice.get("/api/models").body().get(0).get("id").asString();
        Api.Response deployed = alice.post("/api/models/" + modelId + "/versions/1/deploy", Map.of("name",
                "a-credit"));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        Api.Response key = alice.post("/api/workspaces/" + slugA + "/api-keys", Map.of("name", "A's key", "role",
                "analyst"));
        assertThat(key.status()).as(key.text()).isEqualTo(201);
        Api.Response upload = alice.sendBytes("POST", "/api/workspaces/" + slugA + "/uploads?name=a.csv", "text/csv",
                "x\n1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        a = new TeamA(slugA, experimentId.toString(), runId.toString(), modelId, "a-credit",
                key.body().at("/apiKey/id").asString(), "a.csv");
    }

    private Api user(Api admin, String username, Map<String, String> workspaces) {
        Api.Response created = admin.post("/api/admin/users", Map.of("username", username, "password", PASSWORD,
                "workspaces", workspaces));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return Api.anonymous(port).as(username, PASSWORD);
    }

    /** What each path variable is in workspace A. */
    private String valueInA(Endpoint endpoint, String variable) {
        String path = endpoint.pattern();
        return switch (variable) {
            case "experimentId" -> a.experiment();
            case "runId", "otherRunId" -> a.run();
            case "nodeId" -> "data";
            case "port" -> "out";
            case "version", "number" -> "1";
            case "name" -> path.contains("/uploads/") ? a.upload() : a.deployment();
            case "workspace" -> a.slug();
            case "username" -> "alice-" + suffix;
            case "id" -> path.startsWith("/api/experiments") ? a.experiment()
                    : path.startsWith("/api/models") ? a.model()
                    : path.contains("/api-keys/") ? a.apiKey()
                    : "random-split";
            default -> throw new AssertionError("No value of workspace A for {" + variable + "} in " + endpoint);
        };
    }

    @Test
    void shouldAnswer404ToAMemberOfAnotherWorkspaceOnEveryEndpoint() {
        Map<String, Object> body = new LinkedHashMap<>(SignInApiTest.ANY_BODY);
        body.put("modelId", a.model());
        List<String> leaks = new ArrayList<>();
        int aimedAtA = 0;
        for (Endpoint endpoint : Endpoint.all(server)) {
            String path = endpoint.path(variable -> valueInA(endpoint, variable));
            Integer expected = NOT_OF_A_WORKSPACE.get(endpoint.toString());
            // Aimed at A twice: by A's ids and names alone, and with A named as the workspace to work in. Without
            // ids or names in its path, only the second is about A (the first lists or creates in B's own).
            boolean namesThingsOfA = !path.equals(endpoint.pattern());
            for (Api bob : namesThingsOfA ? List.of(analystOfB, analystOfB.inWorkspace(a.slug()))
                    : List.of(analystOfB.inWorkspace(a.slug()))) {
                Api.Response response = bob.send(endpoint.method(), path, endpoint.body(body));
                if (expected == null) {
                    aimedAtA++;
                    if (response.status() != 404) {
                        leaks.add(endpoint + " -> " + response.status() + " " + response.text());
                    }
                } else if (expected != 999 && response.status() != expected) {
                    leaks.add(endpoint + " (not of a workspace) -> " + response.status() + ", expected "
                            + expected);
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(aimedAtA).isGreaterThan(40);

        // Nothing of A was changed by all that: A's analyst still finds everything.
        Api alice = analystOfA.inWorkspace(a.slug());
        assertThat(alice.get("/api/experiments/" + a.experiment()).status()).isEqualTo(200);
        assertThat(alice.get("/api/runs/" + a.run()).status()).isEqualTo(200);
        assertThat(alice.get("/api/runs/" + a.run() + "/log").status()).isEqualTo(200);
        assertThat(alice.get("/api/runs/" + a.run() + "/nodes/data/log").status()).isEqualTo(200);
        assertThat(alice.get("/api/models/" + a.model()).body().get("latestVersion").asInt()).isEqualTo(1);
        assertThat(alice.get("/api/deployments/" + a.deployment()).status()).isEqualTo(200);
        JsonNode keys = alice.get("/api/workspaces/" + a.slug() + "/api-keys").body();
        assertThat(keys.get(0).get("revokedAt").isNull()).isTrue();
        assertThat(alice.get("/api/workspaces/" + a.slug() + "/uploads/a.csv").text()).isEqualTo("x\n1\n");
        assertThat(alice.get("/api/workspaces/" + a.slug() + "/members").body().valueStream()
                .map(m -> m.get("username").asString())).contains("alice-" + suffix);
    }

    @Test
    void shouldListOnlyTheWorkspacesAndThingsOfTheCallersOwnWorkspaces() {
        List<String> bobsWorkspaces = analystOfB.get("/api/workspaces").body().valueStream()
                .map(w -> w.get("slug").asString()).toList();
        assertThat(bobsWorkspaces).containsExactly("team-b-" + suffix);
        assertThat(analystOfB.get("/api/experiments").body()).isEmpty();
        assertThat(analystOfB.get("/api/models").body()).isEmpty();
        assertThat(analystOfB.get("/api/deployments").body()).isEmpty();
        // A deployment name is unique per workspace: B may use the name A uses, and gets its own endpoint.
        assertThat(analystOfB.post("/api/score/" + a.deployment(), Map.of()).status()).isEqualTo(404);
    }

    @Test
    void shouldLetAViewerReadAndScoreButNotEditRunDeployOrDelete() {
        Api carol = viewerOfA.inWorkspace(a.slug());
        assertThat(carol.get("/api/experiments").body().valueStream().map(e -> e.get("id").asString()))
                .containsExactly(a.experiment());
        JsonNode experiment = carol.get("/api/experiments/" + a.experiment()).body();
        assertThat(carol.get("/api/runs/" + a.run()).status()).isEqualTo(200);
        assertThat(carol.get("/api/models/" + a.model() + "/versions/1/pmml").status()).isEqualTo(200);
        Api.Response scored = carol.post("/api/score/" + a.deployment(),
                ModelFixture.CREDIT_GBDT.expectedRows().getFirst().get("record"));
        assertThat(scored.status()).as(scored.text()).isEqualTo(200);

        Map<String, Object> changes = Map.of("version", experiment.get("version").asLong(), "name", "renamed",
                "graph", Graphs.creditSplit(0.5));
        List<Api.Response> refused = List.of(
                carol.post("/api/experiments", Map.of("name", "new")),
                carol.post("/api/experiments", Map.of("name", "new", "template", "credit-scoring")),
                carol.put("/api/experiments/" + a.experiment(), changes),
                carol.post("/api/experiments/" + a.experiment() + "/clone", null),
                carol.delete("/api/experiments/" + a.experiment()),
                carol.post("/api/experiments/" + a.experiment() + "/revisions/1/restore", null),
                carol.post("/api/experiments/import", Map.of("formatVersion", 1, "name", "by carol", "nodes",
                        List.of())),
                carol.post("/api/experiments/" + a.experiment() + "/runs", null),
                carol.post("/api/runs/" + a.run() + "/cancel", null),
                carol.post("/api/models/" + a.model() + "/versions/1/deploy", Map.of("name", "by-carol")),
                carol.post("/api/deployments", Map.of("modelId", a.model())),
                carol.delete("/api/deployments/" + a.deployment()),
                carol.post("/api/deployments/" + a.deployment() + "/rollback", null),
                carol.post("/api/workspaces/" + a.slug() + "/api-keys", Map.of("name", "k", "role", "viewer")),
                carol.delete("/api/workspaces/" + a.slug() + "/api-keys/" + a.apiKey()),
                carol.delete("/api/workspaces/" + a.slug() + "/uploads/" + a.upload()),
                carol.put("/api/workspaces/" + a.slug() + "/members/carol-" + suffix, Map.of("role", "analyst")));
        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status()).as(response.text()).isEqualTo(403);
            assertThat(response.body().get("title").asString()).isEqualTo("Not allowed");
        });
        assertThat(refused.get(2).problemDetail()).contains("viewer").contains(a.slug()).contains("analyst");
        assertThat(carol.get("/api/experiments/" + a.experiment()).body().get("name").asString())
                .isEqualTo("A's experiment");
        assertThat(carol.get("/api/experiments/" + a.experiment() + "/revisions").status()).isEqualTo(200);
        assertThat(carol.get("/api/experiments/" + a.experiment() + "/runs/history").body().get(0).get("id")
                .asString()).isEqualTo(a.run());
        assertThat(carol.get("/api/runs/" + a.run() + "/compare/" + a.run()).status()).isEqualTo(200);
        assertThat(carol.get("/api/runs/" + a.run() + "/reports").status()).isEqualTo(200);
        assertThat(carol.get("/api/runs/" + a.run() + "/graph").status()).isEqualTo(200);
        assertThat(carol.get("/api/experiments/" + a.experiment() + "/export").status()).isEqualTo(200);
        assertThat(carol.get("/api/deployments/" + a.deployment()).status()).isEqualTo(200);
    }

    @Test
    void shouldTakeAwayAccessAtOnceWhenAMemberIsRemoved() {
        Api admin = Api.asAdmin(port);
        String dave = "dave-" + suffix;
        Api viewer = user(admin, dave, Map.of(a.slug(), "viewer"));
        assertThat(viewer.get("/api/experiments/" + a.experiment()).status()).isEqualTo(200);

        assertThat(admin.delete("/api/workspaces/" + a.slug() + "/members/" + dave).status()).isEqualTo(204);

        assertThat(viewer.get("/api/experiments/" + a.experiment()).status()).isEqualTo(404);
        List<String> audited = admin.get("/api/admin/audit?action=member-removed").body().valueStream()
                .map(e -> e.get("target").asString()).toList();
        assertThat(audited).contains(dave);
    }

    @Test
    void shouldAuditDeploysUndeploysAndDeletes() {
        Api alice = analystOfA.inWorkspace(a.slug());
        String experiment = alice.post("/api/experiments/" + a.experiment() + "/clone", null).body().get("id")
                .asString();
        String deployment = "audited-" + suffix;
        assertThat(alice.post("/api/models/" + a.model() + "/versions/1/deploy", Map.of("name", deployment))
                .status()).isEqualTo(201);
        assertThat(alice.delete("/api/deployments/" + deployment).status()).isEqualTo(204);
        assertThat(alice.delete("/api/experiments/" + experiment).status()).isEqualTo(204);
        assertThat(alice.post("/api/experiments/trash/" + experiment + "/restore", null).status()).isEqualTo(200);
        assertThat(alice.delete("/api/experiments/" + experiment).status()).isEqualTo(204);
        assertThat(alice.delete("/api/experiments/trash/" + experiment).status()).isEqualTo(204);

        List<JsonNode> entries = Api.asAdmin(port).get("/api/admin/audit?limit=50").body().valueStream()
                .filter(e -> e.path("actor").asString().equals("alice-" + suffix)).toList();
        assertThat(entries).extracting(e -> e.get("action").asString())
                .contains("deployed", "undeployed", "experiment-trashed", "experiment-restored", "experiment-deleted",
                        "api-key-created");
        assertThat(entries).filteredOn(e -> e.get("action").asString().equals("undeployed"))
                .singleElement().satisfies(e -> assertThat(e.get("target").asString()).isEqualTo(deployment));
        assertThat(entries).filteredOn(e -> e.get("action").asString().equals("experiment-deleted"))
                .singleElement().satisfies(e -> assertThat(e.get("target").asString()).isEqualTo(experiment));
        assertThat(analystOfA.get("/api/admin/audit").status()).isEqualTo(403);
    }
}
