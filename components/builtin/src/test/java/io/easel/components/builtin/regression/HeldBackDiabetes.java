package io.easel.components.builtin.regression;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.corr;
import static org.apache.spark.sql.functions.pow;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The diabetes dataset (442 patients, ten measurements, progression a year later) split by random-split into a
 * training part (75%, seed 11) and a held-back part the regressors' quality floors are measured on.
 */
final class HeldBackDiabetes {

    static final String LABEL = "progression";

    private static final TestRun SPLIT = TestRun.of(TestRun.newGraph()
            .node("data", "sample-dataset", Map.of("dataset", "diabetes"))
            .node("split", "random-split", Map.of("fraction", 0.75, "seed", 11))
            .edge("data.out", "split.in")
            .build());

    private HeldBackDiabetes() {}

    static TableData train() {
        return SPLIT.table("split", "train");
    }

    static TableData test() {
        return SPLIT.table("split", "test");
    }

    /** {@code learner} trained on the training part with {@code params} (the label is progression unless said). */
    static ModelData model(String learner, Map<String, Object> params) {
        return model(learner, params, train());
    }

    static ModelData model(String learner, Map<String, Object> params, TableData data) {
        Map<String, Object> withLabel = new java.util.HashMap<>(Map.of("labelColumn", LABEL));
        withLabel.putAll(params);
        return (ModelData) TestRun.execute(learner, withLabel, Map.of("in", data)).get("model");
    }

    /** The held-back part scored by {@code model}. */
    static Dataset<Row> scored(ModelData model) {
        return model.score(test().rows());
    }

    /** R² of the model's predictions on the held-back part: 1 − residual / total sum of squares. */
    static double r2(ModelData model) {
        Dataset<Row> scored = scored(model);
        double mean = scored.agg(avg(LABEL)).first().getDouble(0);
        Row sums = scored.agg(avg(pow(col(LABEL).minus(col(ModelData.PREDICTION)), 2)),
                avg(pow(col(LABEL).minus(mean), 2))).first();
        return 1 - sums.getDouble(0) / sums.getDouble(1);
    }

    /** Pearson correlation of the model's predictions with the held-back labels. */
    static double correlation(ModelData model) {
        return scored(model).agg(corr(LABEL, ModelData.PREDICTION)).first().getDouble(0);
    }
}
