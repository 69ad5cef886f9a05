package io.easel.components.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ParamDef;
import io.easel.component.ParamType;
import io.easel.component.Port;
import io.easel.component.PortSpec;
import io.easel.component.ReportSpec;
import io.easel.component.Text;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.InputSpecs;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.graph.Edge;
import io.easel.graph.ExampleGraph;
import io.easel.graph.Node;
import io.easel.graph.PmmlExports;
import io.easel.graph.PortRef;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks every component passes (Spark ML's {@code ParamsSuite} idea), over each component and every example it
 * declares (JPMML-SparkML's algorithm × dataset matrix): its declaration survives JSON, is self-consistent and speaks
 * both languages; on each example, what validation infers before the run is exactly what comes out; and every model
 * the graph exports scores raw records in PMML as Spark does. Declaring an example is the only way to add a case.
 *
 * <p>A subclass says which components it covers: the built-in module's {@code CatalogContractTest} the whole
 * catalog, a plugin module's test {@link #componentsFromTheJarOf its own jar's}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ComponentContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The components this suite checks, in catalog order: the whole class path's, or one jar's own. */
    protected abstract List<ComponentDescriptor> covered();

    /** The components whose classes come from the same jar (or class directory) as {@code member}. */
    protected static List<ComponentDescriptor> componentsFromTheJarOf(Class<?> member) {
        URL jar = member.getProtectionDomain().getCodeSource().getLocation();
        return TestRun.REGISTRY.components().stream()
                .filter(c -> c.getClass().getProtectionDomain().getCodeSource().getLocation().equals(jar))
                .map(SparkComponent::descriptor)
                .toList();
    }

    Stream<ComponentDescriptor> components() {
        return covered().stream();
    }

    Stream<Arguments> examples() {
        List<Arguments> all = new ArrayList<>();
        for (ComponentDescriptor component : covered()) {
            for (int i = 0; i < component.examples().size(); i++) {
                all.add(Arguments.of(component.id(), i, component.examples().get(i).title().en()));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    protected void shouldReadBackEveryParamFromJson(ComponentDescriptor component) throws Exception {
        for (ParamDef param : component.params()) {
            ParamDef read = JSON.readValue(JSON.writeValueAsString(param), ParamDef.class);

            assertThat(read).as(component.id() + "." + param.name()).isEqualTo(param);
        }
        assertThat(JSON.readValue(JSON.writeValueAsString(component), ComponentDescriptor.class))
                .isEqualTo(component);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    protected void shouldKeepEveryDefaultInsideItsRange(ComponentDescriptor component) {
        for (ParamDef param : component.params()) {
            assertThat(param.check(param.defaultValue())).as(component.id() + "." + param.name()).isEmpty();
            if (param.type() == ParamType.CHOICE && param.defaultValue() != null) {
                assertThat(param.choices()).extracting(ParamDef.Choice::value).contains((String) param.defaultValue());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    protected void shouldDeclareItselfConsistentlyInBothLanguages(ComponentDescriptor component) {
        assertThat(component.keywords()).isNotEmpty();
        assertBilingual(component.id() + " title", component.title());
        assertBilingual(component.id() + " description", component.description());
        Stream.concat(component.inputs().stream(), component.outputs().stream())
                .forEach(p -> assertBilingual(component.id() + "." + p.name(), p.title()));
        for (ParamDef param : component.params()) {
            assertBilingual(component.id() + "." + param.name(), param.title());
            if (param.description() != null) {
                assertBilingual(component.id() + "." + param.name() + " description", param.description());
            }
            param.choices().forEach(c -> assertBilingual(component.id() + "." + param.name() + "=" + c.value(),
                    c.title()));
        }
        for (Port port : component.outputs()) {
            if (port.schema() instanceof io.easel.component.SchemaRule.Fixed fixed
                    && fixed.spec() instanceof ReportSpec report) {
                report.metrics().forEach(m -> assertThat(m.title().en()).as(component.id() + " metric " + m.name())
                        .isNotBlank());
                report.charts().forEach(c -> assertBilingual(component.id() + " chart " + c.name(), c.title()));
            }
        }
        assertThat(component.examples()).as(component.id() + " has an example to run").isNotEmpty();
        component.examples().forEach(e -> assertBilingual(component.id() + " example", e.title()));
    }

    @ParameterizedTest(name = "{0} #{1}: {2}")
    @MethodSource("examples")
    protected void shouldProduceExactlyWhatItsRulesInferOnItsExamples(String componentId, int index, String title)
            throws Exception {
        ComponentDescriptor component = TestRun.REGISTRY.byId(componentId).descriptor();
        TestRun run = TestRun.example(componentId, index);
        PmmlExports exports = new PmmlExports(run.graph(), TestRun.REGISTRY.catalog());

        for (Port port : component.outputs()) {
            Object real = run.output(ExampleGraph.NODE, port.name());
            PortSpec inferred = run.validation().spec(ExampleGraph.NODE, port.name())
                    .orElseGet(() -> inferredFromRealInputs(run, component).get(port.name()));
            String where = componentId + " example " + index + ", port " + port.name();
            if (inferred != null) {
                assertMatches(inferred, real, where);
            }
            // as the engine: a model with no PMML form (a step upstream without one, a raw vector input) says why and
            // is not exported
            if (exports.exported(new PortRef(ExampleGraph.NODE, port.name())) && real instanceof ModelData exported
                    && exported.pmmlObstacle().isEmpty()) {
                ModelData model = (ModelData) real;
                PmmlParity.assertSparkAndPmmlAgree(model, rawRowsOf(run, model.lineage()), where);
            }
            if (real instanceof TableData table && tableInput(run) instanceof TableData input
                    && table.lineage().steps().size() > input.lineage().steps().size()
                    && table.lineage().pmmlGaps().equals(input.lineage().pmmlGaps())) {
                LineageParity.assertNewStepsReplayInPmml(input, table, rawRowsOf(run, table.lineage()),
                        where);
            }
        }
    }

    /** What the engine infers when validation could not: the rules again, from the real input specs. */
    private static Map<String, PortSpec> inferredFromRealInputs(TestRun run, ComponentDescriptor component) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Edge edge : run.graph().edgesInto(ExampleGraph.NODE)) {
            inputs.put(edge.to().port(), run.output(edge.from().node(), edge.from().port()));
        }
        Map<String, PortSpec> specs = new LinkedHashMap<>();
        inputs.forEach((port, value) -> specs.put(port, InputSpecs.of(value)));
        Node node = run.graph().node(ExampleGraph.NODE).orElseThrow();
        return component.inferOutputs(InputSpecs.bind(component, node.params(), inputs), specs);
    }

    /**
     * The rows whose columns are a lineage's raw columns: those of the step that started it (a join, SQL …) when it
     * has such an input boundary, else those of the source node that reads them.
     */
    private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rawRowsOf(TestRun run,
            FeatureLineage lineage) {
        if (lineage.inputBoundary().isPresent()) {
            for (Node node : run.graph().nodes()) {
                boolean hasOut = TestRun.REGISTRY.byId(node.component()).descriptor().outputs().stream()
                        .anyMatch(p -> p.name().equals("out"));
                if (hasOut && run.output(node.id(), "out") instanceof TableData boundary
                        && boundary.lineage().steps().isEmpty()
                        && boundary.lineage().inputBoundary().equals(lineage.inputBoundary())) {
                    return boundary.rows();
                }
            }
        }
        org.apache.spark.sql.types.StructType rawSchema = lineage.rawSchema();
        for (Node node : run.graph().nodes()) {
            if (run.graph().edgesInto(node.id()).isEmpty()
                    && run.output(node.id(), "out") instanceof TableData source
                    && source.rows().schema().equals(rawSchema)) {
                return source.rows();
            }
        }
        throw new IllegalStateException("No source in the example reads the raw columns " + rawSchema);
    }

    /** The first table the example's node reads, or null. */
    private static Object tableInput(TestRun run) {
        return run.graph().edgesInto(ExampleGraph.NODE).stream()
                .map(edge -> run.output(edge.from().node(), edge.from().port()))
                .filter(TableData.class::isInstance).findFirst().orElse(null);
    }

    private static void assertMatches(PortSpec inferred, Object real, String where) {
        switch (real) {
            case TableData table -> assertThat(SparkTypes.fromSchema(table.rows().schema())).as(where)
                    .isEqualTo(inferred);
            case ModelData model -> assertThat(model.spec()).as(where).isEqualTo(inferred);
            case ReportData report -> {
                ReportSpec spec = (ReportSpec) inferred;
                assertThat(report.kind()).as(where).isEqualTo(spec.kind());
                assertThat(spec.metricNames()).as(where + ": metrics declared").containsAll(report.metrics().keySet());
                assertThat(spec.chartNames()).as(where + ": charts declared").containsAll(report.charts().keySet());
            }
            default -> throw new IllegalStateException(where + ": unknown output " + real);
        }
    }

    private static void assertBilingual(String what, Text text) {
        assertThat(text.en()).as(what + " (en)").isNotBlank();
        assertThat(text.zh()).as(what + " (zh)").isNotEqualTo(text.en())
                .matches(s -> s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN), "has Chinese characters");
    }
}
