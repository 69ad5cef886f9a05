package io.easel.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trained model's spec follows from the bound label, features and the outputs the user asked for. */
class TrainedModelTest {

    private static final Text T = Text.of("t", "t");
    private static final Port IN = Port.input("in", PortType.TABLE, T);
    private static final Param<String> LABEL = Param.column("label", T, IN, DataType.DOUBLE).required();
    private static final Param<List<String>> FEATURES = Param.columns("features", T, IN, DataType.DOUBLE)
            .excluding(LABEL).allWhenEmpty();
    private static final Param<Boolean> QUANTILES = Param.bool("quantiles", T).defaultValue(false);
    private static final TableSpec TIMES = TableSpec.parse("time:double,dose:double");

    @Test
    void shouldAppendAnOptionalOutputOnlyWhenItsParamIsOn() {
        ComponentDescriptor learner = learner(QUANTILES);

        assertThat(outputs(learner, Map.of("label", "time"))).containsExactly(ColumnSpec.of("prediction",
                DataType.DOUBLE));
        assertThat(outputs(learner, Map.of("label", "time", "quantiles", true))).containsExactly(
                ColumnSpec.of("prediction", DataType.DOUBLE), ColumnSpec.of("quantiles", DataType.VECTOR));
    }

    @Test
    void shouldTakeFeaturesFromSeveralParamsLeavingOutHiddenOnes() {
        Param<String> form = Param.choice("form", T, Param.option("text", T), Param.option("long", T))
                .defaultValue("text");
        Param<String> text = Param.column("text", T, IN).visibleWhen(form, "text").required();
        Param<String> basket = Param.column("basket", T, IN).visibleWhen(form, "long").required();
        Param<String> item = Param.column("item", T, IN).visibleWhen(form, "long").excluding(basket).required();
        ComponentDescriptor miner = ComponentDescriptor.builder("miner")
                .category(Category.RECOMMENDATION).title("M", "挖").description("d", "描")
                .inputs(IN)
                .outputs(Port.output("model", PortType.MODEL, T, new SchemaRule.TrainedModel("in", null,
                        List.of("text", "basket", "item"), List.of(new SchemaRule.TrainedModel.ModelOutput("items",
                                DataType.STRING)))))
                .params(form, text, basket, item)
                .build();
        TableSpec sales = TableSpec.parse("order:long,product:string,note:string");

        assertThat(features(miner, Map.of("form", "long", "basket", "order", "item", "product"), sales))
                .containsExactly(ColumnSpec.of("order", DataType.LONG), ColumnSpec.of("product", DataType.STRING));
        assertThat(features(miner, Map.of("text", "note", "basket", "order"), sales))
                .containsExactly(ColumnSpec.of("note", DataType.STRING));
    }

    @Test
    void shouldRefuseAnOptionalOutputThatNoBooleanParamTurnsOn() {
        assertThatThrownBy(() -> learner(Param.string("quantiles", T)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Component 'learner': model output 'quantiles' depends on 'quantiles', which is not a "
                        + "boolean param");
    }

    private static ComponentDescriptor learner(Param<?> when) {
        return ComponentDescriptor.builder("learner")
                .category(Category.REGRESSION).title("L", "学").description("d", "描")
                .inputs(IN)
                .outputs(Port.output("model", PortType.MODEL, T, new SchemaRule.TrainedModel("in", "label",
                        "features", List.of(new SchemaRule.TrainedModel.ModelOutput("prediction", DataType.DOUBLE),
                                new SchemaRule.TrainedModel.ModelOutput("quantiles", DataType.VECTOR, "quantiles")))))
                .params(LABEL, FEATURES, when)
                .build();
    }

    private static List<ColumnSpec> outputs(ComponentDescriptor learner, Map<String, Object> params) {
        BoundParams bound = learner.bind(params, Map.of("in", TIMES)).params();
        return ((ModelSpec) learner.inferOutputs(bound, Map.of("in", TIMES)).get("model")).outputs();
    }

    private static List<ColumnSpec> features(ComponentDescriptor learner, Map<String, Object> params,
            TableSpec table) {
        BoundParams bound = learner.bind(params, Map.of("in", table)).params();
        return ((ModelSpec) learner.inferOutputs(bound, Map.of("in", table)).get("model")).features();
    }
}
