package io.easel.server.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's model, made the way a user makes one: an experiment (breast_cancer → GBDT classifier of
 * {@code trees} trees) created and run on Easel's engine through the REST API, its model deployed as
 * {@value #DEPLOYMENT}, its PMML downloaded and deployed under the same name to Openscoring. A deployment left by an
 * earlier run on the same data directory is reused.
 */
final class BenchmarkModel {

    static final String DEPLOYMENT = "breast-cancer-gbdt";
    static final String LABEL = "malignant";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String easel;
    private final String authorization;

    /** @param easel base URL of Easel, e.g. http://127.0.0.1:18090 */
    BenchmarkModel(String easel, String adminPassword) {
        this.easel = easel;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Deploys the model on Easel (training it first when needed); returns its PMML. */
    byte[] deployOnEasel(int trees) throws IOException, InterruptedException {
        JsonNode existing = get("/api/deployments/" + DEPLOYMENT, 0);
        if (existing != null) {
            System.out.println("Reusing deployment " + DEPLOYMENT + " (model " + existing.get("modelId").asString()
                    + " version " + existing.get("modelVersion").asInt() + ")");
            return pmml(existing.get("modelId").asString(), existing.get("modelVersion").asInt());
        }
        Map<String, Object> graph = Map.of("formatVersion", 1,
                "nodes", List.of(
                        Map.of("id", "data", "component", "sample-dataset", "version", 1,
                                "params", Map.of("dataset", "breast_cancer"), "position", Map.of("x", 40, "y", 40)),
                        Map.of("id", "gbdt", "component", "gbdt-classifier", "version", 1,
                                "params", Map.of("labelColumn", LABEL, "maxIter", trees),
                                "position", Map.of("x", 40, "y", 140))),
                "edges", List.of(Map.of("from", Map.of("node", "data", "port", "out"),
                        "to", Map.of("node", "gbdt", "port", "in"))));
        String experiment = send("POST", "/api/experiments",
                Map.of("name", "Scoring benchmark: breast_cancer GBDT", "graph", graph), 201).get("id").asString();
        System.out.println("Training a " + trees + "-tree GBDT on breast_cancer with Easel's engine (experiment "
                + experiment + ")…");
        String run = send("POST", "/api/experiments/" + experiment + "/runs", null, 202).get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        JsonNode state;
        do {
            Thread.sleep(2000);
            state = get("/api/runs/" + run, 200);
        } while (!List.of("succeeded", "failed", "cancelled").contains(state.get("state").asString())
                && Instant.now().isBefore(deadline));
        if (!state.get("state").asString().equals("succeeded")) {
            throw new IllegalStateException("The training run did not succeed: " + state);
        }
        JsonNode model = get("/api/models", 200).valueStream()
                .filter(m -> m.get("experimentId").asString().equals(experiment)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The run registered no model"));
        String modelId = model.get("id").asString();
        int version = model.get("versions").get(0).get("version").asInt();
        send("POST", "/api/models/" + modelId + "/versions/" + version + "/deploy", Map.of("name", DEPLOYMENT), 201);
        return pmml(modelId, version);
    }

    /** A new viewer API key of the default workspace: what a scoring client authenticates with. */
    String newApiKey() throws IOException, InterruptedException {
        return send("POST", "/api/workspaces/default/api-keys",
                Map.of("name", "scoring benchmark " + Instant.now(), "role", "viewer"), 201).get("key").asString();
    }

    /** Deploys the PMML to Openscoring (base URL without /openscoring) under {@value #DEPLOYMENT}. */
    void deployOnOpenscoring(String openscoring, byte[] pmml) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(openscoring + "/openscoring/model/" + DEPLOYMENT))
                .header("Content-Type", "text/xml").PUT(HttpRequest.BodyPublishers.ofByteArray(pmml)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("Openscoring refused the PMML: " + answer.statusCode() + " "
                    + answer.body());
        }
    }

    private byte[] pmml(String modelId, int version) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(request("/api/models/" + modelId + "/versions/" + version + "/pmml")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("No PMML: " + answer.statusCode());
        }
        return answer.body();
    }

    /** The answer's JSON; with {@code expected} 0, null for any answer but 200 instead of failing. */
    private JsonNode get(String path, int expected) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (expected == 0) {
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
        }
        return check(answer, expected, path);
    }

    private JsonNode send(String method, String path, Object body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> answer = http.send(request(path).header("Content-Type", "application/json")
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
        return check(answer, expected, path);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(easel + path)).header("Authorization", authorization);
    }

    private static JsonNode check(HttpResponse<String> answer, int expected, String path) {
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
