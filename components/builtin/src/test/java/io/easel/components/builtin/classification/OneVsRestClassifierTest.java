package io.easel.components.builtin.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ColumnSpec;
import io.easel.components.spi.ModelData;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.OneVsRestModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class OneVsRestClassifierTest {

    @Test
    void shouldClassifyHeldBackIrisWithOneGbdtPerSpecies() {
        HeldOut iris = HeldOut.of("iris", "one-vs-rest", Map.of("labelColumn", "species", "classifier", "gbdt",
                "trees", 10, "maxDepth", 3));

        assertThat(iris.accuracy()).isGreaterThanOrEqualTo(0.9); // reached 0.98
        OneVsRestModel model = iris.model().stage(OneVsRestModel.class).orElseThrow();
        assertThat(model.models()).hasSize(3).allSatisfy(m -> assertThat(((GBTClassificationModel) m).getNumTrees())
                .isEqualTo(10));
        assertThat(iris.model().metrics()).containsEntry("models", 3).containsEntry("classifier", "GBTClassifier");
    }

    @Test
    void shouldScoreTheWinningModelsMarginWithoutProbabilities() {
        HeldOut iris = HeldOut.of("iris", "one-vs-rest", Map.of("labelColumn", "species", "classifier",
                "linear-svm", "maxIter", 30));

        assertThat(iris.accuracy()).isGreaterThanOrEqualTo(0.85); // reached 0.94
        assertThat(iris.model().spec().outputs()).extracting(ColumnSpec::name)
                .containsExactly(ModelData.PREDICTION, ModelData.SCORE);
        Dataset<Row> raw = iris.scored().rows().drop(ModelData.PREDICTION, ModelData.SCORE);
        List<Row> margins = iris.model().pipeline().transform(raw).select(ModelData.RAW_PREDICTION).collectAsList();
        List<Row> scored = iris.model().score(raw).collectAsList();
        assertThat(scored).hasSameSizeAs(margins);
        for (int i = 0; i < scored.size(); i++) {
            Vector perClass = margins.get(i).getAs(0);
            assertThat(scored.get(i).<String>getAs(ModelData.PREDICTION))
                    .isEqualTo(iris.model().labels().get(perClass.argmax()));
            assertThat(scored.get(i).<Double>getAs(ModelData.SCORE)).isEqualTo(perClass.apply(perClass.argmax()));
        }
    }
}
