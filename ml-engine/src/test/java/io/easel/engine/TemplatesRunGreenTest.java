package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.components.ComponentRegistry;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template of the start page's gallery runs green out of the box, in-process on the shared session exactly as
 * the engine runs a saved experiment, and its evaluation says the model learnt something. The templates are the
 * server's resources (the engine must not depend on the server), read from its module in the same checkout.
 */
class TemplatesRunGreenTest {

    private static final Path TEMPLATES = Path.of("..", "server", "src", "main", "resources", "io", "easel",
            "server", "templates");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ComponentRegistry COMPONENTS = ComponentRegistry.load();

    /**
     * A metric of a node's report (or, for {@value #ROWS}, the rows of one of its tables) and the least it must reach
     * on the template's data.
     */
    record Floor(String node, String port, String metric, double atLeast) {
        Floor(String node, String metric, double atLeast) {
            this(node, "report", metric, atLeast);
        }
    }

    private static final String ROWS = "rows";

    /** What each template's evaluation must at least show; a template not named here fails the test. */
    private static final Map<String, List<Floor>> FLOORS = Map.of(
            "credit-scoring", List.of(new Floor("evaluate", "auc", 0.7)),
            "breast-cancer-comparison", List.of(new Floor("evaluateLogistic", "auc", 0.95),
                    new Floor("evaluateForest", "auc", 0.95), new Floor("evaluateGbdt", "auc", 0.95)),
            "iris-multiclass", List.of(new Floor("evaluate", "accuracy", 0.85)),
            "diabetes-regression", List.of(new Floor("evaluate", "r2", 0.3)),
            "customer-segmentation", List.of(new Floor("evaluate", "silhouette", 0.2),
                    new Floor("evaluate", "clusters", 4)),
            "text-classification", List.of(new Floor("evaluate", "accuracy", 0.6)),
            "market-basket", List.of(new Floor("rules", "rules", ROWS, 1), new Floor("rules", "itemsets", ROWS, 1)),
            "hyperparameter-tuning", List.of(new Floor("tune", "best", 0.7), new Floor("evaluate", "auc", 0.7)));

    record Template(String id, String file) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Template> templates() throws IOException {
        List<Template> templates = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(TEMPLATES.resolve("index.json").toFile())) {
            templates.add(new Template(entry.get("id").asText(), entry.get("file").asText()));
        }
        return templates.stream();
    }

    @Test
    void shouldOfferAtLeastEightTemplatesEachWithFloorsToMeet() throws IOException {
        List<String> ids = templates().map(Template::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
        assertThat(FLOORS.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void shouldRunEveryNodeGreenAndMeetItsFloors(Template template, @TempDir Path root) throws IOException {
        String experiment = Files.readString(TEMPLATES.resolve(template.file()));

        EngineRun run = EngineRun.ofJson(experiment, template.id(), root, COMPONENTS);

        assertThat(run.state()).as("%s: %s", template.id(), run.status()).isEqualTo(RunState.SUCCEEDED);
        for (JsonNode node : JSON.readTree(experiment).get("nodes")) {
            String nodeId = node.get("id").asText();
            assertThat(run.lastStatus(nodeId).orElseThrow().state()).as("%s.%s", template.id(), nodeId)
                    .isEqualTo(NodeState.SUCCEEDED);
        }
        for (Floor floor : FLOORS.get(template.id())) {
            PortResult output = run.output(floor.node(), floor.port());
            Object value = floor.metric().equals(ROWS) ? output.rowCount() : output.metrics().get(floor.metric());
            assertThat(value).as("%s.%s %s", template.id(), floor.node(), floor.metric()).isInstanceOf(Number.class);
            assertThat(((Number) value).doubleValue()).as("%s.%s %s", template.id(), floor.node(), floor.metric())
                    .isGreaterThanOrEqualTo(floor.atLeast());
        }
    }
}
