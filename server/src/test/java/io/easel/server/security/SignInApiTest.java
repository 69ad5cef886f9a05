package io.easel.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Who gets in: nobody without credentials, the first administrator with the configured password, API keys. */
@ServerTest
class SignInApiTest {

    /** Open by design: health for load balancers, the error page, Swagger UI's page (its description is closed). */
    private static final Set<String> PUBLIC = Set.of("GET /actuator/health", "GET /actuator/health/**",
            "GET /actuator/info", "GET /error", "GET /swagger-ui.html");
    /** A body every endpoint can read, so no refusal is a 400 about the body in disguise. */
    static final Map<String, Object> ANY_BODY = Map.ofEntries(Map.entry("sequence", 1),
            Map.entry("events", List.of()), Map.entry("name", "x"), Map.entry("role", "viewer"),
            Map.entry("version", 0), Map.entry("formatVersion", 1), Map.entry("nodes", List.of()),
            Map.entry("edges", List.of()), Map.entry("graph", Map.of("formatVersion", 1, "nodes", List.of(),
                    "edges", List.of())));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext server;

    @Autowired
    JdbcTemplate database;

    @Test
    void shouldRefuseAnUnauthenticatedCallToEveryEndpointWith401Json() {
        List<Endpoint> endpoints = Endpoint.all(server);
        assertThat(endpoints).hasSizeGreaterThan(30);
        List<String> open = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.path(name -> UUID.randomUUID().toString());
            for (Api caller : List.of(Api.anonymous(port), Api.anonymous(port).as(Api.ADMIN, "wrong-password-123"),
                    Api.anonymous(port).withKey("easel_" + "0".repeat(32) + "_" + "A".repeat(43)))) {
                Api.Response response = caller.send(endpoint.method(), path, endpoint.body(ANY_BODY));
                if (response.status() != 401) {
                    open.add(endpoint + " -> " + response.status());
                    continue;
                }
                assertThat(response.raw().headers().firstValue("Content-Type")).as(endpoint.toString())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body().path("status").asInt()).as(endpoint.toString()).isEqualTo(401);
                assertThat(response.problemDetail()).as(endpoint.toString()).isNotBlank();
            }
        }
        assertThat(open).as("endpoints that answered without credentials")
                .allSatisfy(line -> assertThat(PUBLIC).anySatisfy(line::startsWith));
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void shouldSignInTheConfiguredFirstAdministratorAndNoOneWithAWrongPassword() {
        JsonNode me = Api.asAdmin(port).get("/api/me").body();
        assertThat(me.get("username").asString()).isEqualTo("admin");
        assertThat(me.get("admin").asBoolean()).isTrue();
        assertThat(me.get("workspaces").valueStream().map(w -> w.get("slug").asString())).contains("default");

        Api.Response wrong = Api.anonymous(port).as("admin", "not-the-password").get("/api/me");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.problemDetail()).isEqualTo("Wrong user name or password");
        assertThat(wrong.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"easel\"");
        String hash = database.queryForObject("select password_hash from users where username = 'admin'",
                String.class);
        assertThat(hash).startsWith("$2").doesNotContain(Api.ADMIN_PASSWORD);
    }

    @Test
    void shouldCreateUseAndRevokeAnApiKeyShownOnceAndStoredHashed() {
        Api admin = Api.asAdmin(port);
        Api.Response created = admin.post("/api/workspaces/default/api-keys",
                Map.of("name", "nightly scoring", "role", "viewer"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.body().get("key").asString();
        String id = created.body().at("/apiKey/id").asString();
        assertThat(key).startsWith("easel_");
        assertThat(created.body().at("/apiKey/role").asString()).isEqualTo("viewer");

        // The secret is the key's last 43 characters (base64url, so it may itself contain '_').
        String secret = key.substring(key.length() - 43);
        Api.Response listed = admin.get("/api/workspaces/default/api-keys");
        assertThat(listed.text()).contains(id).doesNotContain(secret);
        String stored = database.queryForObject("select secret_hash from api_keys where id = ?::uuid", String.class,
                id);
        assertThat(stored).isEqualTo(Secrets.hash(secret)).doesNotContain(key);

        Api withKey = Api.anonymous(port).withKey(key);
        Api.Response me = withKey.get("/api/me");
        assertThat(me.raw().headers().allValues("Set-Cookie")).as("no CSRF token for requests with their own "
                + "credentials").noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
        assertThat(Api.anonymous(port).get("/api/me").raw().headers().allValues("Set-Cookie"))
                .as("a browser gets its CSRF token with any answer").anyMatch(c -> c.startsWith("XSRF-TOKEN="));
        assertThat(admin.get("/api/workspaces/default/api-keys").body().valueStream()
                .filter(k -> k.get("id").asString().equals(id)).findFirst().orElseThrow().get("lastUsedAt").isNull())
                .as("the key's use is recorded").isFalse();
        assertThat(me.body().get("apiKey").asBoolean()).isTrue();
        assertThat(me.body().get("workspaces").valueStream().map(w -> w.get("slug").asString()))
                .containsExactly("default");
        assertThat(withKey.get("/api/experiments").status()).isEqualTo(200);
        assertThat(withKey.post("/api/experiments", Map.of("name", "by a viewer key")).status()).isEqualTo(403);
        Api.Response keysByKey = withKey.post("/api/workspaces/default/api-keys", Map.of("name", "x", "role",
                "viewer"));
        assertThat(keysByKey.status()).isEqualTo(403);
        assertThat(withKey.get("/api/admin/users").status()).isEqualTo(403);

        assertThat(admin.delete("/api/workspaces/default/api-keys/" + id).body().get("revokedAt").isNull())
                .isFalse();
        Api.Response revoked = withKey.get("/api/experiments");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.problemDetail()).contains("revoked");

        List<String> audited = admin.get("/api/admin/audit?limit=200").body().valueStream()
                .filter(e -> id.equals(e.path("target").asString())
                        || ("api-key:" + id).equals(e.path("actor").asString()))
                .map(e -> e.get("action").asString()).toList();
        assertThat(audited).contains("api-key-created", "api-key-revoked", "sign-in-failed");
    }

    @Test
    void shouldRefuseAKeyThatIsNotWellFormedOrNamesNoKeyWith401() {
        assertThat(Api.anonymous(port).withKey("easel_not-a-key").get("/api/me").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).withKey("some-other-token").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void shouldAuditFailedSignInsWithTheNameTried() {
        String tried = "mallory-" + UUID.randomUUID().toString().substring(0, 8);
        Api.anonymous(port).as(tried, "guess-guess-guess").get("/api/me");

        JsonNode failures = Api.asAdmin(port).get("/api/admin/audit?action=sign-in-failed").body();
        assertThat(failures.valueStream().map(e -> e.get("actor").asString())).contains(tried);
        assertThat(failures.get(0).get("remoteAddress").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldRefuseCrossOriginRequestsFromOriginsNotAllowed() {
        Api admin = Api.asAdmin(port);
        Api.Response foreign = admin.withHeader("Origin", "https://evil.example").get("/api/experiments");
        Api.Response preflight = Api.anonymous(port).withHeader("Origin", "https://evil.example")
                .withHeader("Access-Control-Request-Method", "POST").send("OPTIONS", "/api/experiments", null);
        Api.Response allowed = admin.withHeader("Origin", "https://portal.example").get("/api/experiments");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.raw().headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://portal.example");
    }
}
