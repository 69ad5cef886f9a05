package io.easel.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact form of a search space, its check against a learner's declaration, and the settings it gives. */
class SearchSpaceTest {

    private static final Text T = Text.of("t", "t");
    private static final Port IN = Port.input("in", PortType.TABLE, T);
    private static final ComponentDescriptor FOREST = ComponentDescriptor.builder("forest")
            .category(Category.REGRESSION).title("Forest", "森林").description("d", "描")
            .inputs(IN)
            .outputs(Port.output("model", PortType.MODEL, T, new SchemaRule.TrainedModel("in", "label", "features",
                    List.of(new SchemaRule.TrainedModel.ModelOutput("prediction", DataType.DOUBLE),
                            new SchemaRule.TrainedModel.ModelOutput("variance", DataType.DOUBLE, "withVariance")))))
            .params(Param.column("label", T, IN).required(),
                    Param.columns("features", T, IN).allWhenEmpty(),
                    Param.integer("maxDepth", T).defaultValue(5).range(1, 30),
                    Param.decimal("stepSize", T).defaultValue(0.1).range(0, true, 1, false),
                    Param.choice("impurity", T, Param.option("variance", T), Param.option("gini", T))
                            .defaultValue("variance"),
                    Param.bool("bootstrap", T).defaultValue(true),
                    Param.bool("withVariance", T).defaultValue(false))
            .build();

    @Test
    void shouldReadListsAndRangesSeparatedBySemicolonsOrLines() {
        SearchSpace space = SearchSpace.parse(" maxDepth: 3, 5 ,7;stepSize:0.05..0.3\n regParam: 0.0001..1 LOG ;");

        assertThat(space.entries()).containsExactly(
                new SearchSpace.Entry("maxDepth", List.of("3", "5", "7"), null),
                new SearchSpace.Entry("stepSize", List.of(), new SearchSpace.Range(0.05, 0.3, false)),
                new SearchSpace.Entry("regParam", List.of(), new SearchSpace.Range(0.0001, 1, true)));
        assertThat(space).hasToString("maxDepth: 3, 5, 7; stepSize: 0.05..0.3; regParam: 1.0E-4..1 log");
        assertThat(space.params()).containsExactly("maxDepth", "stepSize", "regParam");
    }

    @Test
    void shouldSayHowToWriteWhatItCannotRead() {
        assertThatThrownBy(() -> SearchSpace.parse("maxDepth 3, 5")).hasMessageContaining("needs a ':'")
                .hasMessageContaining("maxDepth: 3, 5, 7");
        assertThatThrownBy(() -> SearchSpace.parse("maxDepth:")).hasMessageContaining("'maxDepth' has no values");
        assertThatThrownBy(() -> SearchSpace.parse("maxDepth: 3,,5")).hasMessageContaining("empty value");
        assertThatThrownBy(() -> SearchSpace.parse("stepSize: 0.1..")).hasMessageContaining("a number on each side");
        assertThatThrownBy(() -> SearchSpace.parse("stepSize: 0.3..0.1")).hasMessageContaining("lower to a higher");
        assertThatThrownBy(() -> SearchSpace.parse("regParam: 0..1 log")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> SearchSpace.parse("regParam: 0.1, 1 log")).hasMessageContaining("only a range");
        assertThatThrownBy(() -> SearchSpace.parse("maxDepth: 3; maxDepth: 5")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> SearchSpace.parse("max depth: 3")).hasMessageContaining("not a param name");
        assertThatThrownBy(() -> SearchSpace.parse(" ; ")).hasMessageContaining("no values to try");
    }

    @Test
    void shouldTypeEveryValueAsTheLearnerDeclaresItsParam() {
        SearchSpace.Resolved resolved = SearchSpace.parse("maxDepth: 3, 5.0; impurity: gini; bootstrap: false, TRUE")
                .resolve(FOREST);

        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.axes()).containsExactly(new SearchSpace.Values("maxDepth", List.of(3, 5)),
                new SearchSpace.Values("impurity", List.of("gini")),
                new SearchSpace.Values("bootstrap", List.of(false, true)));
    }

    @Test
    void shouldNameEachParamItCannotTuneAndWhy() {
        SearchSpace.Resolved resolved = SearchSpace.parse("maxDepht: 3; label: x; maxDepth: 0, 2.5, deep; "
                + "stepSize: 0..0.5; impurity: entropy; bootstrap: 0..1; withVariance: true, false").resolve(FOREST);

        assertThat(resolved.axes()).isEmpty();
        assertThat(resolved.problems()).containsExactly(
                "'maxDepht' is not a param of 'forest' (it can tune maxDepth, stepSize, impurity, bootstrap, "
                        + "withVariance)",
                "'label' of 'forest' is a column param and cannot be tuned; only numbers, switches and choices can",
                "'maxDepth': 0 is out of range [1, 30]",
                "'maxDepth': expected a whole number but got '2.5'",
                "'maxDepth': 'deep' is not a number",
                "'stepSize': 0 is out of range (0, 1]",
                "'impurity': 'entropy' is not one of [variance, gini]",
                "'bootstrap' takes true or false, not a range of numbers: list the values to try",
                "'withVariance' decides which columns the model of 'forest' adds, so it cannot be tuned; set it on "
                        + "the learner");
    }

    @Test
    void shouldNameATunedParamThatNoSettingLetsTakeEffect() {
        Param<String> kind = Param.choice("kind", T, Param.option("linear", T), Param.option("tree", T))
                .defaultValue("linear");
        ComponentDescriptor either = ComponentDescriptor.builder("either").category(Category.REGRESSION)
                .title("Either", "二选一").description("d", "描").inputs(IN)
                .outputs(Port.output("model", PortType.MODEL, T,
                        SchemaRule.fixed(new ModelSpec("either", null, List.of(), List.of()))))
                .params(kind, Param.integer("depth", T).defaultValue(3).range(1, 9).visibleWhen(kind, "tree"))
                .build();
        SearchSpace.Resolved depths = SearchSpace.parse("depth: 2, 4").resolve(either);

        assertThat(SearchSpace.withoutEffect(either, Map.of(), depths.grid(3))).containsExactly(
                "'depth' of 'either' is used only when 'kind' is tree, which no setting tried has; tune 'kind' too, "
                        + "or set it on the learner");
        assertThat(SearchSpace.withoutEffect(either, Map.of("kind", "tree"), depths.grid(3))).isEmpty();
        assertThat(SearchSpace.withoutEffect(either, Map.of(),
                SearchSpace.parse("kind: linear, tree; depth: 2, 4").resolve(either).grid(3))).isEmpty();
    }

    @Test
    void shouldTryEveryCombinationWithRangesAsEvenlySpacedPoints() {
        SearchSpace.Resolved resolved = SearchSpace.parse("maxDepth: 2..8; stepSize: 0.001..0.1 log; "
                + "impurity: variance, gini").resolve(FOREST);

        List<Map<String, Object>> grid = resolved.grid(3);

        assertThat(resolved.gridSize(3)).isEqualTo(18);
        assertThat(grid).hasSize(18).first()
                .isEqualTo(Map.of("maxDepth", 2, "stepSize", 0.001, "impurity", "variance"));
        assertThat(grid).extracting(s -> s.get("maxDepth")).containsOnly(2, 5, 8);
        assertThat(grid).extracting(s -> s.get("stepSize")).containsOnly(0.001, 0.01, 0.1);
        assertThat(grid).doesNotHaveDuplicates();
        assertThat(SearchSpace.parse("maxDepth: 1..3").resolve(FOREST).grid(5))
                .as("rounded points that coincide are tried once")
                .containsExactly(Map.of("maxDepth", 1), Map.of("maxDepth", 2), Map.of("maxDepth", 3));
    }

    @Test
    void shouldDrawDifferentSettingsInsideTheRangesTheSameForTheSameSeed() {
        SearchSpace.Resolved resolved = SearchSpace.parse("maxDepth: 2..6; stepSize: 0.001..0.5 log; "
                + "bootstrap: true, false").resolve(FOREST);

        List<Map<String, Object>> drawn = resolved.sample(20, 7);

        assertThat(drawn).hasSize(20).doesNotHaveDuplicates().isEqualTo(resolved.sample(20, 7))
                .isNotEqualTo(resolved.sample(20, 8));
        assertThat(drawn).extracting(s -> (Integer) s.get("maxDepth")).allMatch(d -> d >= 2 && d <= 6)
                .contains(2, 6);
        assertThat(drawn).extracting(s -> (Double) s.get("stepSize")).allMatch(s -> s >= 0.001 && s <= 0.5)
                .as("a log scale draws small values as often as large ones").anyMatch(s -> s < 0.02);
        assertThat(SearchSpace.parse("bootstrap: true, false").resolve(FOREST).sample(10, 1))
                .as("a space smaller than asked for gives what it holds").hasSize(2);
    }
}
