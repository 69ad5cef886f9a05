package io.easel.components.builtin.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.NaiveBayes;
import org.apache.spark.ml.classification.NaiveBayesModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class NaiveBayesClassifierTest {

    @Test
    void shouldPredictThePartyOfHeldBackCongressmenFromTheirVotes() {
        HeldOut vote = HeldOut.of("vote", "naive-bayes", Map.of("labelColumn", "Class", "modelType", "bernoulli"));

        assertThat(vote.accuracy()).isGreaterThanOrEqualTo(0.85); // reached 0.89
        assertThat(vote.auc()).isGreaterThanOrEqualTo(0.93); // reached 0.97
        assertThat(vote.model().metrics()).containsEntry("modelType", "bernoulli");
        // every vote is y, n or missing: one-hot slots, all 0/1
        assertThat(vote.model().slots()).contains("crime=y", "crime=(missing)");
    }

    @Test
    void shouldKeepBernoulliAndComplementModelsInTheMultinomialFormThatScoresTheSame() {
        for (String modelType : List.of("bernoulli", "complement")) {
            HeldOut vote = HeldOut.of("vote", "naive-bayes", Map.of("labelColumn", "Class", "modelType", modelType));
            ModelData model = vote.model();
            NaiveBayesModel kept = model.stage(NaiveBayesModel.class).orElseThrow();
            assertThat(kept.getModelType()).isEqualTo("multinomial");

            // Spark's own model of that type, fitted on the same encoded rows, gives the same probabilities
            TestRun split = TestRun.of(TestRun.newGraph()
                    .node("data", "sample-dataset", Map.of("dataset", "vote"))
                    .node("split", "random-split", Map.of("fraction", 0.7, "seed", 7))
                    .edge("data.out", "split.in").build());
            NaiveBayesModel original = new NaiveBayes().setModelType(modelType)
                    .setFeaturesCol(kept.getFeaturesCol()).setLabelCol(kept.getLabelCol())
                    .setProbabilityCol("original").setPredictionCol("originalPrediction")
                    .setRawPredictionCol("originalRaw").fit(encoded(model, split.table("split", "train").rows()));
            List<Row> both = kept.transform(original.transform(encoded(model, split.table("split", "test").rows())))
                    .select(kept.getProbabilityCol(), "original").collectAsList();
            assertThat(both).hasSize((int) vote.scored().rows().count());
            for (Row row : both) {
                Vector ours = row.getAs(0);
                Vector spark = row.getAs(1);
                for (int c = 0; c < spark.size(); c++) {
                    assertThat(ours.apply(c)).as(modelType + " " + row).isCloseTo(spark.apply(c), within(1e-12));
                }
            }
        }
    }

    @Test
    void shouldRefuseNegativeFeaturesNamingTheColumn() {
        TableData table = Tables.of("count:double,change:double,y:string",
                new Object[] {1.0, 0.5, "a"}, new Object[] {2.0, -1.5, "b"}, new Object[] {0.0, 2.0, "a"});

        assertThatThrownBy(() -> train(table, Map.of("labelColumn", "y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("naive-bayes: feature 'change' has 1 negative values (lowest -1.5)")
                .hasMessageContaining("gaussian-naive-bayes");
    }

    @Test
    void shouldRefuseFeaturesOtherThanZeroAndOneForBernoulli() {
        TableData iris = TestRun.dataset("iris");

        assertThatThrownBy(() -> train(iris, Map.of("labelColumn", "species", "modelType", "bernoulli")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 'sepal_length_cm' has 150 values other than 0 and 1")
                .hasMessageContaining("'modelType'");
    }

    /** The rows as the kept model sees them: the model's own stages up to it. */
    private static Dataset<Row> encoded(ModelData model, Dataset<Row> rows) {
        List<Transformer> stages = Arrays.asList(model.pipeline().stages());
        int at = stages.indexOf(model.stage(NaiveBayesModel.class).orElseThrow());
        return new PipelineModel("encode", stages.subList(0, at).toArray(Transformer[]::new)).transform(rows);
    }

    private static ModelData train(TableData in, Map<String, Object> params) {
        return (ModelData) TestRun.execute("naive-bayes", params, Map.of("in", in)).get("model");
    }
}
