package io.easel.components.builtin.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.junit.jupiter.api.Test;

class RegressionTreeTest {

    @Test
    void shouldPredictHeldBackProgressionBetterThanTheMeanWithAShallowTree() {
        ModelData model = HeldBackDiabetes.model("decision-tree-regressor", Map.of("maxDepth", 3));

        // reached 0.27 at depth 3; the default depth 5 overfits 335 rows (0.12)
        assertThat(HeldBackDiabetes.r2(model)).isGreaterThan(0.15);
        assertThat(model.metrics()).containsEntry("depth", 3).hasEntrySatisfying("nodes",
                nodes -> assertThat((Integer) nodes).isBetween(3, 15));
    }

    @Test
    void shouldSplitOnTextCategoriesAsOneIndexedFeature() {
        ModelData model = (ModelData) TestRun.execute("decision-tree-regressor", Map.of("labelColumn",
                "credit_amount", "featureColumns", List.of("purpose", "duration"), "minInstancesPerNode", 20),
                Map.of("in", TestRun.dataset("credit_g"))).get("model");

        assertThat(model.slots()).containsExactly("purpose", "duration");
        DecisionTreeRegressionModel tree = model.stage(DecisionTreeRegressionModel.class).orElseThrow();
        assertThat(tree.getMinInstancesPerNode()).isEqualTo(20);
        assertThat(tree.featureImportances().apply(0)).as("purpose is split on").isPositive();
    }
}
