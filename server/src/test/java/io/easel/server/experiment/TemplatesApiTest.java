package io.easel.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The gallery's templates: at least eight, titled in both languages, and each one makes an experiment that validates
 * against the real catalog as it comes (the engine's TemplatesRunGreenTest runs them).
 */
@ServerTest
class TemplatesApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = Api.asAdmin(port);
    }

    @Test
    void shouldListAtLeastEightTemplatesTitledInEnglishAndChinese() {
        JsonNode templates = api.get("/api/templates").body();

        assertThat(templates.size()).isGreaterThanOrEqualTo(8);
        assertThat(templates.valueStream().map(t -> t.get("id").asString())).doesNotHaveDuplicates()
                .contains("credit-scoring", "breast-cancer-comparison", "iris-multiclass", "diabetes-regression",
                        "customer-segmentation", "text-classification", "market-basket", "hyperparameter-tuning");
        for (JsonNode template : templates) {
            String id = template.get("id").asString();
            assertThat(template.at("/title/en").asString()).as(id).isNotBlank();
            assertThat(template.at("/title/zh").asString()).as(id).containsPattern("\\p{IsHan}");
            assertThat(template.at("/description/zh").asString()).as(id).containsPattern("\\p{IsHan}");
            assertThat(template.at("/experiment/nodes").size()).as(id).isGreaterThanOrEqualTo(3);
            assertThat(template.at("/experiment/nodes").valueStream().map(n -> n.at("/position/x").isNumber()))
                    .as("%s: laid out", id).containsOnly(true);
        }
    }

    @Test
    void shouldMakeAValidExperimentFromEveryTemplate() {
        for (JsonNode template : api.get("/api/templates").body()) {
            String id = template.get("id").asString();
            Api.Response created = api.post("/api/experiments", Map.of("name", "From " + id, "template", id));

            assertThat(created.status()).as(created.text()).isEqualTo(201);
            JsonNode experiment = created.body();
            assertThat(experiment.at("/validation/errors")).as("%s: %s", id, experiment.get("validation")).isEmpty();
            assertThat(experiment.at("/graph/nodes")).isEqualTo(template.at("/experiment/nodes"));
            assertThat(experiment.at("/graph/edges")).isEqualTo(template.at("/experiment/edges"));
            assertThat(experiment.get("description").asString()).isEqualTo(template.at("/experiment/description")
                    .asString());
            assertThat(experiment.get("tags").valueStream().map(JsonNode::asString)).contains("template");
        }
    }

    @Test
    void shouldRefuseAnUnknownTemplateAndATemplateWithAGraphOfItsOwn() {
        Api.Response unknown = api.post("/api/experiments", Map.of("name", "x", "template", "credit-scorin"));
        Api.Response withGraph = api.post("/api/experiments", Map.of("name", "x", "template", "credit-scoring",
                "graph", Graphs.creditSplit(0.8)));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problemDetail()).contains("credit-scorin").contains("/api/templates");
        assertThat(unknown.body().get("field").asString()).isEqualTo("template");
        assertThat(withGraph.status()).isEqualTo(400);
        assertThat(withGraph.problemDetail()).contains("template");
        assertThat(api.get("/api/experiments").body().valueStream().map(e -> e.get("name").asString()))
                .doesNotContain("x");
    }
}
