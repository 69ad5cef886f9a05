package io.easel.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.ModelSpec;
import io.easel.component.TableSpec;
import io.easel.graph.ValidationError.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphValidatorTest {

    private final GraphValidator validator = new GraphValidator(TestCatalog.create());

    /** source → cast(age→double) → split → train(label=class) → predict(test) → evaluate. */
    static ExperimentGraph pipeline() {
        return new ExperimentGraph(1,
                List.of(Node.of("src", "source", Map.of()),
                        Node.of("cast", "cast", Map.of("columns", List.of("age"))),
                        Node.of("split", "split", Map.of("fraction", 0.85)),
                        Node.of("train", "train", Map.of("label", "class")),
                        Node.of("predict", "predict", Map.of()),
                        Node.of("eval", "evaluate", Map.of())),
                List.of(Edge.of("src", "out", "cast", "in"),
                        Edge.of("cast", "out", "split", "in"),
                        Edge.of("split", "train", "train", "in"),
                        Edge.of("train", "model", "predict", "model"),
                        Edge.of("split", "test", "predict", "in"),
                        Edge.of("predict", "out", "eval", "in")));
    }

    private static ExperimentGraph replaceNode(ExperimentGraph graph, Node node) {
        return new ExperimentGraph(graph.formatVersion(),
                graph.nodes().stream().map(n -> n.id().equals(node.id()) ? node : n).toList(), graph.edges());
    }

    private static ExperimentGraph withEdges(ExperimentGraph graph, List<Edge> edges) {
        return new ExperimentGraph(graph.formatVersion(), graph.nodes(), edges);
    }

    @Test
    void shouldAcceptAValidPipelineAndInferEveryPort() {
        ValidationResult result = validator.validate(pipeline());

        assertThat(result.errors()).isEmpty();
        TableSpec cast = (TableSpec) result.spec("cast", "out").orElseThrow();
        assertThat(cast.column("age")).contains(ColumnSpec.of("age", DataType.DOUBLE));
        assertThat(result.spec("split", "test")).contains(cast);
        ModelSpec model = (ModelSpec) result.spec("train", "model").orElseThrow();
        assertThat(model.label()).isEqualTo(ColumnSpec.of("class", DataType.STRING));
        assertThat(model.features()).extracting(ColumnSpec::name).containsExactly("age", "income", "city");
        TableSpec predicted = (TableSpec) result.spec("predict", "out").orElseThrow();
        assertThat(predicted.columns()).endsWith(ColumnSpec.of("prediction", DataType.STRING),
                ColumnSpec.of("score", DataType.DOUBLE));
        assertThat(result.spec("eval", "report")).isPresent();
    }

    @Test
    void shouldRejectUnknownComponent() {
        var graph = replaceNode(pipeline(), Node.of("cast", "no-such-thing", Map.of()));

        assertThat(validator.validate(graph).errors())
                .anySatisfy(e -> {
                    assertThat(e.code()).isEqualTo(Code.UNKNOWN_COMPONENT);
                    assertThat(e.nodeId()).isEqualTo("cast");
                    assertThat(e.message()).contains("no-such-thing");
                });
    }

    @Test
    void shouldRejectMissingRequiredParam() {
        var graph = replaceNode(pipeline(), Node.of("train", "train", Map.of()));

        assertThat(validator.validate(graph).errorsOf("train"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(Code.MISSING_PARAM);
                    assertThat(e.param()).isEqualTo("label");
                    assertThat(e.message()).contains("'train'", "'label'");
                });
    }

    @Test
    void shouldRejectParamOutOfRange() {
        var graph = replaceNode(pipeline(), Node.of("split", "split", Map.of("fraction", 1.0)));

        assertThat(validator.validate(graph).errorsOf("split"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_PARAM);
                    assertThat(e.param()).isEqualTo("fraction");
                    assertThat(e.message()).contains("out of range (0, 1)");
                });
    }

    @Test
    void shouldRejectParamOfWrongType() {
        var graph = replaceNode(pipeline(), Node.of("train", "train", Map.of("label", "class", "depth", 2.5)));

        assertThat(validator.validate(graph).errorsOf("train"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_PARAM);
                    assertThat(e.param()).isEqualTo("depth");
                    assertThat(e.message()).contains("whole number");
                });
    }

    @Test
    void shouldRejectUnknownParam() {
        var graph = replaceNode(pipeline(), Node.of("split", "split", Map.of("fractoin", 0.5)));

        assertThat(validator.validate(graph).errorsOf("split"))
                .extracting(ValidationError::code, ValidationError::param)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Code.UNKNOWN_PARAM, "fractoin"));
    }

    @Test
    void shouldRejectEdgeBetweenIncompatiblePortTypes() {
        List<Edge> edges = new ArrayList<>(pipeline().edges());
        edges.remove(Edge.of("train", "model", "predict", "model"));
        edges.add(Edge.of("split", "train", "predict", "model"));

        assertThat(validator.validate(withEdges(pipeline(), edges)).errorsOf("predict"))
                .anySatisfy(e -> {
                    assertThat(e.code()).isEqualTo(Code.INCOMPATIBLE_PORTS);
                    assertThat(e.port()).isEqualTo("model");
                    assertThat(e.message()).contains("takes a model", "gives a table");
                });
    }

    @Test
    void shouldRejectAPortWithTwoInputs() {
        List<Edge> edges = new ArrayList<>(pipeline().edges());
        edges.add(Edge.of("split", "train", "predict", "in"));

        assertThat(validator.validate(withEdges(pipeline(), edges)).errorsOf("predict"))
                .anySatisfy(e -> {
                    assertThat(e.code()).isEqualTo(Code.PORT_HAS_TWO_INPUTS);
                    assertThat(e.port()).isEqualTo("in");
                });
    }

    @Test
    void shouldRejectCycle() {
        var graph = new ExperimentGraph(1,
                List.of(Node.of("a", "split", Map.of()), Node.of("b", "split", Map.of())),
                List.of(Edge.of("a", "train", "b", "in"), Edge.of("b", "train", "a", "in")));

        assertThat(validator.validate(graph).errors())
                .filteredOn(e -> e.code() == Code.CYCLE)
                .extracting(ValidationError::nodeId)
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void shouldRejectColumnThatDoesNotExistUpstream() {
        var graph = replaceNode(pipeline(), Node.of("train", "train", Map.of("label", "klass")));

        assertThat(validator.validate(graph).errorsOf("train"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(Code.UNKNOWN_COLUMN);
                    assertThat(e.param()).isEqualTo("label");
                    assertThat(e.message()).contains("'klass'", "[age, income, city, class]");
                });
    }

    @Test
    void shouldSeeColumnsCreatedUpstreamByAModel() {
        var graph = replaceNode(pipeline(), Node.of("eval", "evaluate", Map.of("score", "prediction")));

        assertThat(validator.validate(graph).errorsOf("eval"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(Code.WRONG_COLUMN_TYPE);
                    assertThat(e.message()).contains("'prediction' is string");
                });
    }

    @Test
    void shouldCheckColumnsAgainstTheSchemaAfterAConversion() {
        var graph = replaceNode(pipeline(),
                Node.of("train", "train", Map.of("label", "class", "features", List.of("age", "city"))));
        var castAll = replaceNode(graph, Node.of("cast", "cast",
                Map.of("columns", List.of("age", "city"), "to", "string")));

        assertThat(validator.validate(graph).errors()).isEmpty();
        assertThat(((ModelSpec) validator.validate(castAll).spec("train", "model").orElseThrow()).features())
                .containsExactly(ColumnSpec.of("age", DataType.STRING), ColumnSpec.of("city", DataType.STRING));
    }

    @Test
    void shouldRejectUnconnectedRequiredInput() {
        List<Edge> edges = new ArrayList<>(pipeline().edges());
        edges.remove(Edge.of("split", "test", "predict", "in"));

        assertThat(validator.validate(withEdges(pipeline(), edges)).errors())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(Code.MISSING_INPUT);
                    assertThat(e.nodeId()).isEqualTo("predict");
                    assertThat(e.port()).isEqualTo("in");
                });
    }

    @Test
    void shouldRejectEdgesToMissingNodesAndPorts() {
        List<Edge> edges = new ArrayList<>(pipeline().edges());
        edges.add(Edge.of("ghost", "out", "eval", "in"));
        edges.add(Edge.of("src", "nope", "split", "in"));

        assertThat(validator.validate(withEdges(pipeline(), edges)).errors())
                .extracting(ValidationError::code)
                .contains(Code.UNKNOWN_NODE, Code.UNKNOWN_PORT);
    }

    @Test
    void shouldRejectDuplicateNodeIdsAndUnsupportedFormat() {
        var duplicated = new ExperimentGraph(1,
                List.of(Node.of("a", "source", Map.of()), Node.of("a", "source", Map.of())), List.of());
        var future = new ExperimentGraph(99, List.of(), List.of());

        assertThat(validator.validate(duplicated).errors()).extracting(ValidationError::code)
                .containsExactly(Code.DUPLICATE_NODE);
        assertThat(validator.validate(future).errors()).extracting(ValidationError::code)
                .containsExactly(Code.UNSUPPORTED_FORMAT);
    }

    @Test
    void shouldLeaveSpecsUnknownDownstreamOfAnUnknownSchemaWithoutFalseAlarms() {
        var graph = replaceNode(pipeline(), Node.of("src", "source", Map.of("dataset", "nope")));

        ValidationResult result = validator.validate(graph);

        assertThat(result.errors()).extracting(ValidationError::code).containsExactly(Code.INVALID_PARAM);
        assertThat(result.spec("cast", "out")).isEmpty();
        assertThat(result.spec("predict", "out")).isEmpty();
    }

    /** source → cast → cast → … : {@code length} nodes, each cast fed by the one before. */
    private static ExperimentGraph chain(int length, boolean closed) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(Node.of("n0", "source", Map.of()));
        for (int i = 1; i < length; i++) {
            nodes.add(Node.of("n" + i, "cast", Map.of("columns", List.of("age"))));
            edges.add(Edge.of("n" + (i - 1), "out", "n" + i, "in"));
        }
        if (closed) { // the first cast is fed by the last one instead of the source: one long cycle
            edges.set(0, Edge.of("n" + (length - 1), "out", "n1", "in"));
        }
        return new ExperimentGraph(1, nodes, edges);
    }

    /** The 20,000 nodes took 39 s (quadratic); linear, they take a fraction of a second. */
    @Test
    void shouldValidateAVeryLongGraphInLinearTime() {
        GraphValidator generous = new GraphValidator(TestCatalog.create(), null, new GraphLimits(50_000, 50_000));
        generous.validate(chain(1_000, false)); // warm up

        long start = System.nanoTime();
        ValidationResult result = generous.validate(chain(20_000, false));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.errors()).isEmpty();
        assertThat(result.spec("n19999", "out")).isPresent();
        assertThat(millis).as("milliseconds to validate 20,000 nodes").isLessThan(5_000);
    }

    @Test
    void shouldNameOnlyAFewNodesOfALongCycleInEachError() {
        GraphValidator generous = new GraphValidator(TestCatalog.create(), null, new GraphLimits(50_000, 50_000));

        ValidationResult result = generous.validate(chain(20_000, true));

        assertThat(result.errors()).hasSize(19_999).allSatisfy(error -> {
            assertThat(error.code()).isEqualTo(Code.CYCLE);
            assertThat(error.message()).hasSizeLessThan(300).contains("and 19989 more");
        });
    }

    @Test
    void shouldRefuseAGraphBeyondTheLimitsWithoutLookingFurther() {
        ValidationResult tooMany = validator.validate(chain(GraphLimits.DEFAULT.maxNodes() + 1, true));

        assertThat(tooMany.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(Code.GRAPH_TOO_LARGE);
            assertThat(error.message()).contains("2001 nodes", "at most 2000 nodes");
        });
        assertThat(validator.validate(chain(GraphLimits.DEFAULT.maxNodes(), false)).errors()).isEmpty();
        assertThat(new GraphValidator(TestCatalog.create(), null, new GraphLimits(10, 3))
                .validate(pipeline()).errors()).extracting(ValidationError::code)
                .containsExactly(Code.GRAPH_TOO_LARGE);
    }
}
