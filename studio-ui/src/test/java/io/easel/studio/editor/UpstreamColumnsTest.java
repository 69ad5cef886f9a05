package io.easel.studio.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.Catalog;
import io.easel.component.ColumnSpec;
import io.easel.component.ParamDef;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.GraphValidator;
import io.easel.graph.Node;
import io.easel.server.catalog.CatalogService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Column pickers read the real catalog's schema inference, as the editor does. */
class UpstreamColumnsTest {

    private static final Catalog CATALOG = new CatalogService().catalog();

    private final ExperimentGraph graph = new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, List.of(
            Node.of("data", "sample-dataset", Map.of("dataset", "credit_g")),
            Node.of("cast", "type-conversion", Map.of("columns", List.of("duration"))),
            Node.of("gbdt", "gbdt-classifier", Map.of()),
            Node.of("lonely", "gbdt-classifier", Map.of())), List.of(
            Edge.of("data", "out", "cast", "in"),
            Edge.of("cast", "out", "gbdt", "in")));
    private final UpstreamColumns upstream = new UpstreamColumns(graph, new GraphValidator(CATALOG).validate(graph));

    @Test
    void shouldOfferTheInferredColumnsOfTheConnectedInput() {
        ParamDef features = CATALOG.find("gbdt-classifier").orElseThrow().param("featureColumns").orElseThrow();

        List<ColumnSpec> columns = upstream.choicesFor("gbdt", features).orElseThrow();

        assertThat(columns).extracting(ColumnSpec::name).contains("checking_status", "duration", "class");
        assertThat(columns).filteredOn(c -> c.name().equals("duration")).extracting(c -> c.type().jsonName())
                .containsExactly("double");
    }

    @Test
    void shouldOfferOnlyColumnsOfTheTypesAParamAccepts() {
        ParamDef score = CATALOG.find("binary-classification-evaluation").orElseThrow().param("scoreColumn")
                .orElseThrow();
        ExperimentGraph scored = new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, List.of(
                Node.of("data", "sample-dataset", Map.of("dataset", "credit_g")),
                Node.of("eval", "binary-classification-evaluation", Map.of())),
                List.of(Edge.of("data", "out", "eval", "in")));
        var columns = new UpstreamColumns(scored, new GraphValidator(CATALOG).validate(scored));

        assertThat(columns.choicesFor("eval", score).orElseThrow()).isEmpty(); // credit_g has no double column
    }

    @Test
    void shouldKnowNothingForAnUnconnectedInput() {
        ParamDef label = CATALOG.find("gbdt-classifier").orElseThrow().param("labelColumn").orElseThrow();

        assertThat(upstream.choicesFor("lonely", label)).isEmpty();
    }
}
