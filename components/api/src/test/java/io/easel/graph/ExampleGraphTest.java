package io.easel.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A component's example becomes a runnable experiment, sharing nodes that feed two inputs. */
class ExampleGraphTest {

    private static final Example.Upstream SPLIT = Example.Upstream.of("split", Map.of("fraction", 0.85), "train")
            .from("in", Example.Upstream.of("source", Map.of("dataset", "people"), "out"));

    @Test
    void shouldBuildOneNodePerDistinctUpstreamNode() {
        Example example = new Example(Text.of("e", "例"), Map.of(), Map.of(
                "model", Example.Upstream.of("train", Map.of("label", "class"), "model").from("in", SPLIT),
                "in", SPLIT.port("test")));

        ExperimentGraph graph = ExampleGraph.of("predict", example, null);

        assertThat(graph.nodes()).extracting(Node::component)
                .containsExactlyInAnyOrder("predict", "source", "split", "train");
        assertThat(new GraphValidator(TestCatalog.create()).validate(graph).errors()).isEmpty();
        assertThat(graph.edgesInto(ExampleGraph.NODE)).extracting(e -> e.from().port())
                .containsExactlyInAnyOrder("model", "test");
    }

    @Test
    void shouldPutTheSamplesDirectoryIntoParams() {
        Example example = Example.of("csv", "csv", Map.of("path", Example.SAMPLES + "/iris.csv"));

        Node node = ExampleGraph.of("read-csv", example, "/data/samples").node(ExampleGraph.NODE).orElseThrow();

        assertThat(node.params()).containsEntry("path", "/data/samples/iris.csv");
    }

    @Test
    void shouldRefuseAnExampleThatDoesNotFitItsComponent() {
        Port in = Port.input("in", PortType.TABLE, Text.of("t", "t"));
        java.util.function.Supplier<ComponentDescriptor.Builder> builder = () -> ComponentDescriptor.builder("c").category(Category.PREPROCESSING).title("C", "组")
                .description("d", "描").inputs(in)
                .outputs(Port.output("out", PortType.TABLE, Text.of("t", "t"), SchemaRule.sameAs("in")))
                .params(Param.integer("n", Text.of("n", "n")).range(1, 10));

        assertThatThrownBy(() -> builder.get().examples(Example.of("e", "例", Map.of("n", 0))
                .input(in, SPLIT)).build()).hasMessageContaining("out of range");
        assertThatThrownBy(() -> builder.get().examples(Example.of("f", "例", Map.of())).build())
                .hasMessageContaining("leaves input 'in' unconnected");
    }
}
