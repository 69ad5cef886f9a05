package io.easel.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.ParamProblem.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding resolves each param to a checked value and, where the input is known, to the columns it names. */
class ParamBinderTest {

    private static final Text T = Text.of("t", "t");
    private static final Port IN = Port.input("in", PortType.TABLE, T);
    private static final Param<String> LABEL = Param.column("label", T, IN, DataType.INTEGER, DataType.DOUBLE)
            .typeHint(Text.of("use a classifier for text", "文本请用分类"))
            .required();
    private static final Param<String> WEIGHT = Param.column("weight", T, IN, DataType.DOUBLE).excluding(LABEL);
    private static final Param<List<String>> FEATURES = Param.columns("features", T, IN, DataType.DOUBLE,
            DataType.STRING).excluding(LABEL, WEIGHT).allWhenEmpty();
    private static final Param<String> MODE = Param.choice("mode", T, Param.option("fast", T),
            Param.option("exact", T)).defaultValue("fast");
    private static final Param<Integer> DEPTH = Param.integer("depth", T).defaultValue(5).range(1, 30)
            .visibleWhen(MODE, "exact");
    private static final ComponentDescriptor LEARNER = ComponentDescriptor.builder("learner")
            .category(Category.REGRESSION).title("L", "学").description("d", "描")
            .inputs(IN)
            .outputs(Port.output("model", PortType.MODEL, T,
                    new SchemaRule.TrainedModel("in", "label", "features", List.of())))
            .params(LABEL, WEIGHT, FEATURES, MODE, DEPTH)
            .build();
    private static final TableSpec HOUSES = TableSpec.parse("price:double,rooms:integer,area:double,city:string,"
            + "w:double,built:date");

    @Test
    void shouldResolveAnEmptyAllParamToEverySuitableColumnButTheExcludedOnes() {
        BoundParams bound = bind(Map.of("label", "price", "weight", "w"), HOUSES).params();

        assertThat(bound.columns(FEATURES)).extracting(ColumnSpec::name).containsExactly("area", "city");
        assertThat(bound.list("features")).containsExactly("area", "city");
        assertThat(bound.column(LABEL)).isEqualTo(ColumnSpec.of("price", DataType.DOUBLE));
        assertThat(bound.userSet()).doesNotContainKey("features");
    }

    @Test
    void shouldRefuseTheLabelAmongTheFeatures() {
        var binding = bind(Map.of("label", "price", "features", List.of("area", "price")), HOUSES);

        assertThat(binding.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.COLUMN_CONFLICT);
            assertThat(p.param()).isEqualTo("features");
            assertThat(p.message()).contains("'price'", "'label'");
        });
    }

    @Test
    void shouldSayWhatToDoWhenAColumnHasTheWrongType() {
        var binding = bind(Map.of("label", "city"), HOUSES);

        assertThat(binding.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.WRONG_COLUMN_TYPE);
            assertThat(p.message()).contains("integer/double", "'city' is string", "use a classifier for text");
        });
    }

    @Test
    void shouldSayWhenAnAllParamFindsNoColumn() {
        var binding = bind(Map.of("label", "price"), TableSpec.parse("price:double,built:date"));

        assertThat(binding.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.NO_COLUMNS);
            assertThat(p.message()).contains("every double/string column", "besides 'price'");
        });
    }

    @Test
    void shouldRefuseANewColumnNameTheInputAlreadyHas() {
        Param<String> output = Param.string("output", T).defaultValue("score").newColumnOf(IN).required();
        ComponentDescriptor adder = ComponentDescriptor.builder("adder")
                .category(Category.FEATURE_ENGINEERING).title("A", "加").description("d", "描")
                .inputs(IN)
                .outputs(Port.output("out", PortType.TABLE, T,
                        SchemaRule.sameAs("in").add(ColumnOp.Name.param(output), ColumnOp.Type.of(DataType.DOUBLE))))
                .params(output)
                .build();

        assertThat(adder.bind(Map.of(), Map.of("in", HOUSES)).problems()).isEmpty();
        assertThat(adder.bind(Map.of("output", " area "), Map.of("in", HOUSES)).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Kind.COLUMN_EXISTS);
                    assertThat(p.param()).isEqualTo("output");
                    assertThat(p.port()).isEqualTo("in");
                    assertThat(p.message()).contains("'output'", "'area'", "choose another name");
                });
        assertThat(adder.bind(Map.of("output", "area"), Map.of()).problems())
                .as("unknown until the input's columns are known").isEmpty();
    }

    @Test
    void shouldUseDefaultsAndIgnoreHiddenParams() {
        BoundParams bound = bind(Map.of("label", "price", "depth", 99), HOUSES).params();

        assertThat(bound.get(MODE)).isEqualTo("fast");
        assertThat(bound.get(DEPTH)).as("hidden: the default, the user's value is not checked").isEqualTo(5);
        assertThat(bind(Map.of("label", "price", "mode", "exact", "depth", 99), HOUSES).problems())
                .singleElement().extracting(ParamProblem::kind).isEqualTo(Kind.INVALID_PARAM);
    }

    @Test
    void shouldCheckValuesButNotColumnsWhenTheInputIsUnknown() {
        var binding = ParamBinder.bind(LEARNER, Map.of("label", "anything", "mode", "slow", "extra", 1),
                port -> java.util.Optional.empty());

        assertThat(binding.problems()).extracting(ParamProblem::kind)
                .containsExactlyInAnyOrder(Kind.UNKNOWN_PARAM, Kind.INVALID_PARAM);
        assertThatThrownBy(() -> binding.params().column(LABEL)).isInstanceOf(IllegalStateException.class);
        assertThat(binding.params().columnSpecs("features")).isEmpty();
    }

    @Test
    void shouldRequireTheLabel() {
        assertThat(bind(Map.of(), HOUSES).problems()).extracting(ParamProblem::kind)
                .containsExactly(Kind.MISSING_PARAM);
    }

    @Test
    void shouldInferTheTrainedModelFromBoundColumns() {
        BoundParams bound = bind(Map.of("label", "price"), HOUSES).params();

        PortSpec model = LEARNER.inferOutputs(bound, Map.of("in", HOUSES)).get("model");

        assertThat(((ModelSpec) model).features()).extracting(ColumnSpec::name)
                .containsExactly("area", "city", "w");
    }

    private static ParamBinder.Binding bind(Map<String, Object> set, TableSpec table) {
        return LEARNER.bind(set, Map.of("in", table));
    }
}
