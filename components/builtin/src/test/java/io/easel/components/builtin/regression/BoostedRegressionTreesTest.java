package io.easel.components.builtin.regression;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ColumnSpec;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import java.util.Map;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.junit.jupiter.api.Test;

class BoostedRegressionTreesTest {

    @Test
    void shouldExplainHeldBackProgressionWithManyShallowTrees() {
        ModelData model = HeldBackDiabetes.model("gbt-regressor", Map.of("maxDepth", 2, "maxIter", 50));

        // reached 0.378; depth-5 trees (the default) overfit 335 rows (0.13)
        assertThat(HeldBackDiabetes.r2(model)).isGreaterThan(0.30);
        assertThat(model.metrics()).containsEntry("trees", 50);
    }

    @Test
    void shouldFitTheMedianWithAbsoluteLoss() {
        ModelData model = HeldBackDiabetes.model("gbt-regressor", Map.of("maxDepth", 2, "maxIter", 50,
                "lossType", "absolute"));

        assertThat(model.stage(GBTRegressionModel.class).orElseThrow().getLossType()).isEqualTo("absolute");
        // reached 0.27: the median fits squared error less well than the mean does (0.378)
        assertThat(HeldBackDiabetes.r2(model)).isGreaterThan(0.2);
    }

    @Test
    void shouldStopBoostingWhenTheRowsMarkedForValidationNoLongerImprove() {
        TableData train = HeldBackDiabetes.train();
        TableData marked = train.withRows(train.rows().withColumn("holdout", col("s6").mod(4).equalTo(0)));

        ModelData model = HeldBackDiabetes.model("gbt-regressor", Map.of("maxDepth", 2, "maxIter", 200,
                "stepSize", 0.1, "validationIndicatorColumn", "holdout", "validationTol", 0.001), marked);

        // stopped after 12 of the 200 trees here
        assertThat((Integer) model.metrics().get("trees")).isBetween(2, 50);
        assertThat(model.spec().features()).extracting(ColumnSpec::name).doesNotContain("holdout")
                .contains("s6");
    }
}
