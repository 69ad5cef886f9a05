package io.easel.components.builtin.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;
import org.junit.jupiter.api.Test;

class DecisionTreeClassifierTest {

    @Test
    void shouldClassifyHeldBackIrisWithAShallowEntropyTree() {
        HeldOut iris = HeldOut.of("iris", "decision-tree-classifier", Map.of("labelColumn", "species",
                "impurity", "entropy", "maxDepth", 3));

        assertThat(iris.accuracy()).isGreaterThanOrEqualTo(0.9); // reached 0.94
        DecisionTreeClassificationModel tree = iris.model().stage(DecisionTreeClassificationModel.class).orElseThrow();
        assertThat(tree.getImpurity()).isEqualTo("entropy");
        assertThat(tree.depth()).isLessThanOrEqualTo(3);
        assertThat(iris.model().metrics()).containsEntry("depth", tree.depth()).containsEntry("nodes",
                tree.numNodes());
    }

    @Test
    void shouldSplitOnTextCategoriesOfCredit() {
        HeldOut credit = HeldOut.of("credit_g", "decision-tree-classifier", Map.of("labelColumn", "class",
                "minInstancesPerNode", 5));

        assertThat(credit.accuracy()).isGreaterThanOrEqualTo(0.65); // reached 0.69
        // one slot per column: text is indexed, not one-hot
        assertThat(credit.model().slots()).hasSize(20).contains("checking_status", "purpose");
    }

    @Test
    void shouldAskForMoreBinsThanATextFeatureHasCategories() {
        assertThatThrownBy(() -> TestRun.execute("decision-tree-classifier", Map.of("labelColumn", "class",
                "maxBins", 4, "featureColumns", List.of("purpose")),
                Map.of("in", TestRun.dataset("credit_g"))))
                .hasMessageContaining("'purpose' has 10 distinct values").hasMessageContaining("'maxBins'");
    }
}
