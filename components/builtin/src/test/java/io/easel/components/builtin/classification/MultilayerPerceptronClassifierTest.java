package io.easel.components.builtin.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.testing.TestRun;
import java.util.Map;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.junit.jupiter.api.Test;

class MultilayerPerceptronClassifierTest {

    @Test
    void shouldClassifyHeldBackIrisWithInputAndOutputLayersFromTheData() {
        HeldOut iris = HeldOut.of("iris", "multilayer-perceptron", Map.of("labelColumn", "species",
                "hiddenLayers", "8, 4"));

        assertThat(iris.accuracy()).isGreaterThanOrEqualTo(0.9); // reached 1.0
        MultilayerPerceptronClassificationModel network = iris.model()
                .stage(MultilayerPerceptronClassificationModel.class).orElseThrow();
        assertThat(network.getLayers()).containsExactly(4, 8, 4, 3); // 4 measurements in, 3 species out
        assertThat(iris.model().metrics()).containsEntry("layers", "4,8,4,3").containsKeys("iterations");
    }

    @Test
    void shouldSizeTheInputLayerByTheOneHotSlotsOfTextFeatures() {
        HeldOut credit = HeldOut.of("credit_g", "multilayer-perceptron", Map.of("labelColumn", "class",
                "hiddenLayers", "6", "maxIter", 30));

        int[] layers = credit.model().stage(MultilayerPerceptronClassificationModel.class).orElseThrow().getLayers();
        assertThat(layers).containsExactly(credit.model().slots().size(), 6, 2);
        assertThat(credit.model().slots().size()).isGreaterThan(20);
    }

    @Test
    void shouldExplainTheLayerFormatWhenItIsWrong() {
        for (String wrong : new String[] {"10,,5", "ten", "10,0", "-3"}) {
            assertThatThrownBy(() -> TestRun.execute("multilayer-perceptron", Map.of("labelColumn", "species",
                    "hiddenLayers", wrong), Map.of("in", TestRun.dataset("iris"))))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("param 'hiddenLayers' is '" + wrong + "'")
                    .hasMessageContaining("e.g. 10,5");
        }
    }
}
