package io.easel.components.builtin.classification;

import static org.apache.spark.sql.functions.col;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Map;

/**
 * A learner trained on 70% of a bundled dataset (random-split, seed 7) and applied by predict to the held-back 30%,
 * as a user would check it in the studio: what the quality floors of the learners' tests are measured on.
 *
 * @param scored the held-back rows with the model's outputs
 */
public record HeldOut(ModelData model, TableData scored, String label) {

    static HeldOut of(String dataset, String learner, Map<String, Object> params) {
        return from("sample-dataset", Map.of("dataset", dataset), learner, params);
    }

    /** The same, on the table a source component gives (generated data). */
    public static HeldOut from(String source, Map<String, Object> sourceParams, String learner,
            Map<String, Object> params) {
        TestRun run = TestRun.of(TestRun.newGraph()
                .node("data", source, sourceParams)
                .node("split", "random-split", Map.of("fraction", 0.7, "seed", 7))
                .node("learner", learner, params)
                .node("predict", "predict", Map.of())
                .edge("data.out", "split.in")
                .edge("split.train", "learner.in")
                .edge("learner.model", "predict.model")
                .edge("split.test", "predict.in")
                .build());
        return new HeldOut(run.model("learner", "model"), run.table("predict", "out"),
                (String) params.get("labelColumn"));
    }

    /** Share of held-back rows whose predicted label is the true one. */
    public double accuracy() {
        long right = scored.rows().filter(col(ModelData.PREDICTION).cast("string").equalTo(col(label).cast("string")))
                .count();
        return (double) right / scored.rows().count();
    }

    /** Area under the ROC curve of the score on the held-back rows, by binary-classification-evaluation. */
    double auc() {
        ReportData report = (ReportData) TestRun.execute("binary-classification-evaluation",
                Map.of("labelColumn", label), Map.of("in", scored)).get("report");
        return ((Number) report.metrics().get("auc")).doubleValue();
    }
}
