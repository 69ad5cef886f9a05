package io.easel.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.Catalog;
import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ModelSpec;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.graph.ValidationError.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Params about the learner of a model input are checked at validation against that learner's declaration, found in
 * the catalog by the model spec's algorithm; a model passed on as its input's is exported to PMML as that one is.
 */
class ModelSelectionValidationTest {

    private static final Text T = Text.of("t", "t");
    private static final Port MODEL = Port.input("model", PortType.MODEL, T);
    private static final Port IN = Port.input("in", PortType.TABLE, T);
    private static final ComponentDescriptor TUNE = ComponentDescriptor.builder("tune")
            .category(Category.EVALUATION).title("Tune", "调参").description("d", "描")
            .inputs(MODEL, IN)
            .outputs(Port.output("best", PortType.MODEL, T, SchemaRule.retrainedModel("model"))
                    .withPmmlAsInput(MODEL))
            .params(Param.searchSpace("space", T, MODEL).required(),
                    Param.choice("metric", T, Param.option("auto", T),
                                    Param.option("auc", T).forLearners(Category.CLASSIFICATION),
                                    Param.option("rmse", T).forLearners(Category.REGRESSION))
                            .defaultValue("auto").learnerOf(MODEL))
            .build();

    private final Catalog catalog = catalog();

    private static Catalog catalog() {
        List<ComponentDescriptor> all = new ArrayList<>(TestCatalog.create().components());
        all.add(TUNE);
        return new Catalog(all);
    }

    /** source → train(label=class) → tune(space, metric), and tune's best model → another tune. */
    private static ExperimentGraph tuning(Map<String, Object> params) {
        return new ExperimentGraph(1,
                List.of(Node.of("src", "source", Map.of()),
                        Node.of("train", "train", Map.of("label", "class")),
                        Node.of("tune", "tune", params),
                        Node.of("again", "tune", Map.of("space", "depth: 2"))),
                List.of(Edge.of("src", "out", "train", "in"),
                        Edge.of("train", "model", "tune", "model"),
                        Edge.of("src", "out", "tune", "in"),
                        Edge.of("tune", "best", "again", "model"),
                        Edge.of("src", "out", "again", "in")));
    }

    @Test
    void shouldAcceptASearchSpaceOfTheLearnersParamsAndPassItsModelSpecOn() {
        ValidationResult result = new GraphValidator(catalog).validate(tuning(Map.of("space", "depth: 3, 5, 7",
                "metric", "auc")));

        assertThat(result.errors()).isEmpty();
        assertThat(result.spec("tune", "best")).isEqualTo(result.spec("train", "model"))
                .get().extracting(s -> ((ModelSpec) s).algorithm()).isEqualTo("train");
    }

    @Test
    void shouldRefuseABadSearchSpaceNamingTheParamAndTheLearnersParam() {
        ValidationResult result = new GraphValidator(catalog).validate(tuning(Map.of("space",
                "depth: 0, 3; dept: 4; label: x")));

        assertThat(result.errorsOf("tune")).extracting(ValidationError::code).containsOnly(Code.INVALID_PARAM);
        assertThat(result.errorsOf("tune")).extracting(ValidationError::param).containsOnly("space");
        assertThat(result.errorsOf("tune")).extracting(ValidationError::message).containsExactly(
                "Node 'tune' (tune): param 'space': 'depth': 0 is out of range [1, 30]",
                "Node 'tune' (tune): param 'space': 'dept' is not a param of 'train' (it can tune depth)",
                "Node 'tune' (tune): param 'space': 'label' of 'train' is a column param and cannot be tuned; only "
                        + "numbers, switches and choices can");
    }

    @Test
    void shouldRefuseAMetricMeantForAnotherKindOfLearner() {
        ValidationResult result = new GraphValidator(catalog).validate(tuning(Map.of("space", "depth: 3",
                "metric", "rmse")));

        assertThat(result.errorsOf("tune")).singleElement().satisfies(e -> {
            assertThat(e.param()).isEqualTo("metric");
            assertThat(e.message()).isEqualTo("Node 'tune' (tune): param 'metric': 'rmse' is meant for regression "
                    + "models, but the model on input 'model' comes from 'train', a classification learner; choose "
                    + "one of auto, auc");
        });
    }

    @Test
    void shouldExportTheBestModelToPmmlExactlyWhenTheLearnersModelIs() {
        ExperimentGraph graph = tuning(Map.of("space", "depth: 3"));
        List<ComponentDescriptor> withoutPmml = new ArrayList<>();
        for (ComponentDescriptor c : catalog.components()) {
            withoutPmml.add(!c.id().equals("train") ? c : new ComponentDescriptor(c.id(), c.version(), c.category(),
                    c.title(), c.description(), c.keywords(), c.inputs(),
                    c.outputs().stream().map(Port::withoutPmml).toList(), c.params(), c.examples()));
        }

        PmmlExports exported = new PmmlExports(graph, catalog);
        PmmlExports notExported = new PmmlExports(graph, new Catalog(withoutPmml));

        assertThat(exported.exported(new PortRef("tune", "best"))).isTrue();
        assertThat(exported.exported(new PortRef("again", "best"))).as("through a chain of tunings").isTrue();
        assertThat(notExported.exported(new PortRef("tune", "best"))).isFalse();
        assertThat(notExported.exported(new PortRef("again", "best"))).isFalse();
        assertThat(exported.exported(new PortRef("src", "out"))).as("a table").isFalse();
        assertThat(PmmlExports.mayExport(TUNE.outputs().getFirst())).isTrue();
        assertThat(TUNE.outputs().getFirst().exportsPmml()).as("only the graph tells").isFalse();
    }
}
