package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.RunEventBatch;
import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServerTest
class RunApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = Api.asAdmin(port);
    }

    @Test
    void shouldRefuseToRunInvalidExperimentWith422PerNodeErrors() {
        String id = api.post("/api/experiments", Map.of("name", "Not runnable", "graph", Graphs.creditSplit(1.5)))
                .body().get("id").asString();

        Api.Response refused = api.post("/api/experiments/" + id + "/runs", null);

        assertThat(refused.status()).isEqualTo(422);
        JsonNode error = refused.body().get("errors").get(0);
        assertThat(error.get("nodeId").asString()).isEqualTo("split");
        assertThat(error.get("param").asString()).isEqualTo("fraction");
        assertThat(error.has("port")).isTrue();
        assertThat(error.get("code").asString()).isEqualTo("INVALID_PARAM");
        assertThat(error.get("message").asString()).contains("fraction");
        assertThat(refused.problemDetail()).contains("fraction");
        assertThat(api.get("/api/experiments/" + id + "/runs").body()).isEmpty();
    }

    @Test
    void shouldAnswer404ForUnknownRunsAndExperiments() {
        UUID unknown = UUID.randomUUID();
        assertThat(api.get("/api/runs/" + unknown).status()).isEqualTo(404);
        assertThat(api.post("/api/runs/" + unknown + "/cancel", null).status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + unknown + "/nodes/x").status()).isEqualTo(404);
        assertThat(api.post("/api/experiments/" + unknown + "/runs", null).status()).isEqualTo(404);
        assertThat(api.get("/api/experiments/" + unknown + "/runs").status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseEngineCallbackWithoutTheRunsToken() {
        UUID unknown = UUID.randomUUID();
        RunEventBatch batch = new RunEventBatch(unknown.toString(), 1, List.of());
        Api.Response anonymous = api.post("/api/engine/runs/" + unknown + "/events", batch);
        Api.Response guessing = api.post("/api/engine/runs/" + unknown + "/events", batch,
                Map.of("Authorization", "Bearer guess"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(guessing.status()).isEqualTo(401);
        assertThat(guessing.body().get("title").asString()).isEqualTo("Not this run's engine");
    }

    @Test
    void shouldDocumentEachLogEndpointWithOnlyItsOwnParameters() {
        JsonNode paths = api.get("/v3/api-docs").body().get("paths");

        assertThat(parameters(paths.get("/api/runs/{runId}/log"))).containsExactlyInAnyOrder("runId", "offset");
        assertThat(parameters(paths.get("/api/runs/{runId}/nodes/{nodeId}/log")))
                .containsExactlyInAnyOrder("runId", "nodeId", "offset");
        assertThat(paths.at("/~1api~1runs~1{runId}~1log/get/responses/200/headers").propertyNames())
                .containsExactlyInAnyOrder("Easel-Log-Next-Offset", "Easel-Log-More");
    }

    private static List<String> parameters(JsonNode path) {
        return path.at("/get/parameters").valueStream().map(p -> p.get("name").asString()).toList();
    }
}
