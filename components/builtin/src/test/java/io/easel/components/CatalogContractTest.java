package io.easel.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ParamDef;
import io.easel.component.ParamType;
import io.easel.component.Port;
import io.easel.component.PortSpec;
import io.easel.component.ReportSpec;
import io.easel.component.Text;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Scenarios;
import io.easel.components.testing.TestRun;
import io.easel.graph.Node;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks every component must pass, run over the whole catalog (Spark ML's {@code ParamsSuite} idea): its
 * declaration survives JSON, is self-consistent and speaks both languages, and on real sample data what its rules
 * infer before the run is exactly what it produces.
 */
class CatalogContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<ComponentDescriptor> components() {
        return TestRun.REGISTRY.catalog().components().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void shouldReadBackEveryParamFromJson(ComponentDescriptor component) throws Exception {
        for (ParamDef param : component.params()) {
            ParamDef read = JSON.readValue(JSON.writeValueAsString(param), ParamDef.class);

            assertThat(read).as(component.id() + "." + param.name()).isEqualTo(param);
        }
        assertThat(JSON.readValue(JSON.writeValueAsString(component), ComponentDescriptor.class))
                .isEqualTo(component);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void shouldKeepEveryDefaultInsideItsRange(ComponentDescriptor component) {
        for (ParamDef param : component.params()) {
            assertThat(param.check(param.defaultValue())).as(component.id() + "." + param.name()).isEmpty();
            if (param.defaultValue() != null && param.min() != null) {
                assertThat(((Number) param.defaultValue()).doubleValue()).isGreaterThanOrEqualTo(param.min());
            }
            if (param.type() == ParamType.CHOICE && param.defaultValue() != null) {
                assertThat(param.choices()).extracting(ParamDef.Choice::value).contains((String) param.defaultValue());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void shouldDeclareItselfConsistentlyInBothLanguages(ComponentDescriptor component) {
        ComponentDescriptor registered = TestRun.REGISTRY.byId(component.id()).descriptor();
        assertThat(registered).as("descriptor is built once").isSameAs(TestRun.REGISTRY.byId(component.id())
                .descriptor());
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
            if (param.columns() != null) {
                assertThat(component.input(param.columns().port())).as(param.name() + " picks from an input")
                        .isPresent();
            }
        }
        assertThat(component.outputs()).isNotEmpty().allMatch(p -> p.schema() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void shouldProduceExactlyWhatItsRulesInferOnRealData(ComponentDescriptor component) {
        int compared = 0;
        for (TestRun run : Scenarios.all()) {
            for (Node node : run.graph().nodes()) {
                if (!node.component().equals(component.id())) {
                    continue;
                }
                for (Port port : component.outputs()) {
                    PortSpec inferred = run.validation().spec(node.id(), port.name()).orElse(null);
                    if (inferred == null) {
                        continue;
                    }
                    assertMatches(inferred, run.output(node.id(), port.name()), node.id() + "." + port.name());
                    compared++;
                }
            }
        }
        assertThat(compared).as("outputs of " + component.id() + " compared on real data").isPositive();
    }

    private static void assertMatches(PortSpec inferred, Object real, String where) {
        switch (real) {
            case TableData table -> assertThat(SparkTypes.fromSchema(table.rows().schema())).as(where)
                    .isEqualTo(inferred);
            case ModelData model -> assertThat(model.spec()).as(where).isEqualTo(inferred);
            case ReportData report -> {
                ReportSpec spec = (ReportSpec) inferred;
                assertThat(report.kind()).as(where).isEqualTo(spec.kind());
                assertThat(report.metrics().keySet()).as(where).containsExactlyInAnyOrderElementsOf(spec.metrics());
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
