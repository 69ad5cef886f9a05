package io.easel.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.ServerTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The bad inputs: each is a 4xx that names the field by its JSON path in words for people (never a 500,
 * never Jackson's internals), and what the experiment format documents holds.
 */
@ServerTest
class InputsApiTest {

    private static final String SPLIT = """
            {"id": "split", "component": "random-split", %s "params": {"fraction": 0.8}}""";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = Api.asAdmin(port);
    }

    /** An experiment document with these nodes (JSON text) and the two-node credit split's edge. */
    private static String experiment(String name, String... nodes) {
        return """
                {"name": "%s", "graph": {"formatVersion": 1, "nodes": [
                  {"id": "data", "component": "sample-dataset", "params": {"dataset": "credit_g"}}%s],
                 "edges": [{"from": {"node": "data", "port": "out"}, "to": {"node": "split", "port": "in"}}]}}
                """.formatted(name, nodes.length == 0 ? "" : ", " + String.join(", ", nodes));
    }

    private Api.Response create(String json) {
        return api.postRaw("/api/experiments", json);
    }

    @Test
    void shouldRefuseNulCharactersNamingTheField() {
        Map<String, String> attempts = new LinkedHashMap<>();
        attempts.put("name", experiment("a\\u0000b", SPLIT.formatted("")));
        attempts.put("graph.nodes[1].label", experiment("nul", SPLIT.formatted("\"label\": \"x\\u0000\",")));
        attempts.put("graph.nodes[0].params.dataset", experiment("nul").replace("credit_g", "credit\\u0000"));
        attempts.put("graph.nodes[0].params", experiment("nul").replace("\"dataset\"", "\"data\\u0000set\""));
        for (Map.Entry<String, String> attempt : attempts.entrySet()) {
            Api.Response refused = create(attempt.getValue());
            assertThat(refused.status()).as(attempt.getKey() + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.problemDetail()).as(attempt.getKey()).contains("'" + attempt.getKey() + "'")
                    .contains("NUL character");
        }
        // Deeper than any field the API declares: still a 400, from the database's refusal.
        Api.Response nested = create(experiment("nested").replace("\"credit_g\"", "{\"a\\u0000\": 1}"));
        assertThat(nested.status()).as(nested.text()).isEqualTo(400);
        assertThat(api.post("/api/workspaces", Map.of("slug", "nul-ws", "name", "Team\u0000")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/admin/users", Map.of("username", "nul\u0000user", "password",
                "a-long-enough-password")).status()).isEqualTo(400);
    }

    @Test
    void shouldDefaultAMissingNodeVersionToOneAsTheFormatSays() {
        Api.Response created = create(experiment("no version", SPLIT.formatted("")));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().at("/graph/nodes/1/version").asInt()).isEqualTo(1);
        assertThat(created.body().at("/validation/errors")).isEmpty();
    }

    @Test
    void shouldCatchOutOfRangeVersionsSeedsAndTheLabelAmongTheFeaturesAtValidation() {
        for (String version : List.of("0", "-1")) {
            JsonNode errors = create(experiment("version " + version, SPLIT.formatted("\"version\": " + version
                    + ","))).body().at("/validation/errors");
            assertThat(errors).as(version).anySatisfy(e -> {
                assertThat(e.get("nodeId").asString()).isEqualTo("split");
                assertThat(e.get("code").asString()).isEqualTo("UNSUPPORTED_VERSION");
            });
        }
        JsonNode seed = create(experiment("seed", """
                {"id": "split", "component": "random-split", "params": {"fraction": 0.8, "seed": 1e300}}"""))
                .body().at("/validation/errors");
        assertThat(seed).singleElement().satisfies(e -> {
            assertThat(e.get("param").asString()).isEqualTo("seed");
            assertThat(e.get("code").asString()).isEqualTo("INVALID_PARAM");
        });
        JsonNode label = create(experiment("label among features", """
                {"id": "split", "component": "gbdt-classifier",
                 "params": {"labelColumn": "class", "featureColumns": ["age", "class"], "maxIter": 5}}"""))
                .body().at("/validation/errors");
        assertThat(label).anySatisfy(e -> {
            assertThat(e.get("param").asString()).isEqualTo("featureColumns");
            assertThat(e.get("code").asString()).isEqualTo("COLUMN_CONFLICT");
        });
    }

    @Test
    void shouldRefuseUnknownAndDuplicateKeysNamingThem() {
        Api.Response unknown = create(experiment("unknown key", SPLIT.formatted("\"paramz\": {},")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problemDetail()).contains("'graph.nodes[1].paramz'").contains("not a field here")
                .contains("params").doesNotContain("io.easel").doesNotContain("class");

        Api.Response duplicate = create(experiment("duplicate", SPLIT.formatted("\"label\": \"a\", \"label\": \"b\",")));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.problemDetail()).contains("graph.nodes[1]").contains("Duplicate").contains("label");
    }

    @Test
    void shouldNameTheJsonPathOfMalformedValuesInWords() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("'graph.nodes[1].version': \"one\" is not a whole number",
                experiment("x", SPLIT.formatted("\"version\": \"one\",")));
        cases.put("'graph.nodes[1].version': the number is out of range",
                experiment("x", SPLIT.formatted("\"version\": 99999999999,")));
        cases.put("'graph.edges[0]'", experiment("x", SPLIT.formatted("")).replace(
                "{\"node\": \"data\", \"port\": \"out\"}", "null"));
        cases.put("'nodes[2]' is null", experiment("x", SPLIT.formatted(""), "null"));
        cases.put("'graph.nodes': expected a list", """
                {"name": "x", "graph": {"formatVersion": 1, "nodes": {"id": "n"}}}""");
        cases.forEach((expected, json) -> {
            Api.Response refused = create(json);
            assertThat(refused.status()).as(expected + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.problemDetail()).as(json).contains(expected)
                    .doesNotContain("NullPointerException").doesNotContain("java.").doesNotContain("`");
        });
    }

    @Test
    void shouldAnswerMultipartBodiesWith415NotA500() throws Exception {
        String boundary = "----easel";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--"
                + boundary + "--\r\n";
        for (String path : List.of("/api/experiments", "/api/experiments/validate", "/api/workspaces",
                "/api/score/anything")) {
            HttpResponse<String> response = raw(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(multipart)));
            assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(404, 415);
        }
    }

    /**
     * Found by the fuzz harness: the security firewall refused a form body's field names with an exception, a 500;
     * URLs it refuses are bad input too.
     */
    @Test
    void shouldAnswerAFormBodyWithFieldNamesTheFirewallRefusesWith400NotA500() {
        byte[] form = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n{}\r\n--x--\r\n"
                .getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/experiments", "/api/experiments/validate")) {
            Api.Response refused = api.sendBytes("POST", path, "application/x-www-form-urlencoded", form);
            assertThat(refused.status()).as(path + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.problemDetail()).contains("not allowed").doesNotContain("Content-Disposition");
        }
        for (String path : List.of("/api/experiments;x=1", "/api/experiments/%25", "/api//experiments")) {
            Api.Response refused = api.get(path);
            assertThat(refused.status()).as(path + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.problemDetail()).as(path).contains("not allowed");
        }
    }

    @Test
    void shouldAnswerUnknownApiPathsAndTheBareErrorPageWithJson404() {
        for (String path : List.of("/api/no-such-thing", "/api/experiments/x/y/z", "/error")) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(api.post("/api/no-such-thing", Map.of()).status()).isEqualTo(404);
        assertThat(api.send("PATCH", "/api/experiments", null).status()).isEqualTo(405);
    }

    @Test
    void shouldCutOffABodyPastItsLimitWhileItIsRead() throws Exception {
        byte[] nine = ("{\"name\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Api.Response declared = api.postRaw("/api/experiments", new String(nine, StandardCharsets.UTF_8));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.problemDetail()).contains("easel.limits.experiment-body");

        // No declared length (chunked): refused once the limit is passed, not after the whole body.
        HttpResponse<String> chunked = raw(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/experiments"))
                .header("Authorization", Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(nine))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("easel.limits.experiment-body");
    }

    /**
     * Found by the fuzz harness: a body within its limit but refused early (here a NUL in the name) was answered by
     * a connection closed under the client still sending it, so the client saw no answer at all.
     */
    @Test
    void shouldAnswerABodyRefusedBeforeItsEndWhateverItsSizeWithinTheLimit() {
        byte[] five = ("{\"name\": \"a\\u0000b\", \"description\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 3; attempt++) {
            Api.Response refused = api.sendBytes("POST", "/api/experiments", "application/json", five);
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.problemDetail()).contains("name");
        }
    }

    private static HttpResponse<String> raw(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
