package io.easel.components.builtin.text;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text chain end to end, as a user builds it in the studio: WordNet's glosses tokenized, without stop words,
 * counted over a vocabulary and weighted by TF-IDF, split 70/30, a logistic regression trained on the 70% and applied
 * to the held-back 30%. The six categories are balanced (400 glosses each), so chance is 1/6.
 */
class TextClassificationTest {

    @Test
    void shouldClassifyHeldBackGlossesWellAndScoreRawGlossesInPmmlAsSparkDoes() throws Exception {
        TestRun run = TestRun.of(TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", "wordnet_glosses"))
                .node("tokenize", "tokenize", Map.of("textColumn", "gloss"))
                .node("stop", "remove-stop-words", Map.of("tokensColumn", "tokens"))
                .node("counts", "count-vectorize", Map.of("tokensColumn", "words", "vocabularySize", 1000,
                        "minDocFrequency", 3.0))
                .node("tfidf", "tf-idf", Map.of("countsColumn", "counts"))
                .node("split", "random-split", Map.of("fraction", 0.7, "seed", 7))
                .node("learner", "logistic-regression", Map.of("labelColumn", "category",
                        "featureColumns", List.of("tfidf"), "maxIter", 30, "regParam", 0.01))
                .node("predict", "predict", Map.of())
                .edge("data.out", "tokenize.in")
                .edge("tokenize.out", "stop.in")
                .edge("stop.out", "counts.in")
                .edge("counts.out", "tfidf.in")
                .edge("tfidf.out", "split.in")
                .edge("split.train", "learner.in")
                .edge("learner.model", "predict.model")
                .edge("split.test", "predict.in")
                .build());

        TableData scored = run.table("predict", "out");
        double accuracy = (double) scored.rows().filter(col(ModelData.PREDICTION).equalTo(col("category"))).count()
                / scored.rows().count();
        // measured 0.766 with these params (seed 7); chance is 0.167
        assertThat(accuracy).as("held-out accuracy").isGreaterThan(0.7);

        ModelData model = run.model("learner", "model");
        assertThat(model.pmmlObstacle()).isEmpty();
        assertThat(model.lineage().rawSchema().fieldNames()).containsExactly("word", "category", "gloss");
        PmmlParity.assertSparkAndPmmlAgree(model, run.table("data", "out").rows(), "text classifier on raw glosses");
    }
}
