package io.easel.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServerTest
class CatalogApiTest {

    @LocalServerPort
    int port;

    @Test
    void shouldServeTheBuiltInCatalogReadFromItsJsonResource() {
        Api api = Api.asAdmin(port);
        JsonNode catalog = api.get("/api/catalog").body();

        assertThat(catalog.get("components").valueStream().map(c -> c.get("id").asString()))
                .contains("sample-dataset", "random-split");
        JsonNode split = api.get("/api/catalog/random-split").body();
        assertThat(split.at("/title/zh").asString()).isNotBlank();
        assertThat(split.get("params").valueStream().map(p -> p.get("name").asString())).contains("fraction");
        assertThat(split.get("outputs").valueStream().map(p -> p.get("name").asString()))
                .containsExactly("train", "test", "sizes");
    }

    @Test
    void shouldAnswerUnknownComponentWith404Problem() {
        Api.Response missing = Api.asAdmin(port).get("/api/catalog/no-such-component");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemDetail()).contains("no-such-component");
    }

    @Test
    void shouldPublishOpenApiDescriptionAndSwaggerUi() {
        Api api = Api.asAdmin(port);
        JsonNode openApi = api.get("/v3/api-docs").body();
        assertThat(openApi.at("/paths").propertyNames()).contains("/api/experiments", "/api/experiments/{id}",
                "/api/experiments/{experimentId}/runs", "/api/runs/{runId}/cancel", "/api/catalog");
        assertThat(openApi.get("tags").valueStream().map(t -> t.get("name").asString()))
                .contains("Experiments", "Runs", "Catalog");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
