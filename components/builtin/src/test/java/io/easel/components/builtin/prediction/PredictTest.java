package io.easel.components.builtin.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Scenarios;
import io.easel.components.testing.TestRun;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class PredictTest {

    @Test
    void shouldAppendPredictionProbabilityAndScoreToEveryTestRow() {
        TestRun run = Scenarios.credit();
        TableData test = run.table("split", "test");
        TableData scored = run.table("predict", "out");

        assertThat(scored.rows().count()).isEqualTo(test.rows().count());
        assertThat(Arrays.asList(scored.rows().columns())).startsWith(test.rows().columns())
                .endsWith("prediction", "probability", "score").hasSize(test.rows().columns().length + 3);
        Row row = scored.rows().first();
        Vector probability = row.getAs("probability");
        assertThat(row.<Double>getAs("score")).isEqualTo(probability.apply(1));
        assertThat(row.<String>getAs("prediction")).isEqualTo(probability.apply(1) > 0.5 ? "bad" : "good");
    }

    @Test
    void shouldTellDownstreamNodesWhichLabelTheScoreIsFor() {
        StructField score = Scenarios.credit().table("predict", "out").rows().schema().apply("score");

        assertThat(score.metadata().getString(ModelData.POSITIVE_LABEL_METADATA)).isEqualTo("bad");
        assertThat(score.metadata().getString(ModelData.LABEL_COLUMN_METADATA)).isEqualTo("class");
    }

    @Test
    void shouldKeepTheLineageOfTheScoredTable() {
        TestRun run = Scenarios.credit();

        assertThat(run.table("predict", "out").lineage()).isEqualTo(run.table("split", "test").lineage());
    }

    @Test
    void shouldScoreATableWithoutTheLabelColumn() {
        TestRun run = Scenarios.credit();
        TableData unlabelled = run.table("split", "test").withRows(run.table("split", "test").rows().drop("class"));

        TableData scored = predict(run.model("gbdt", "model"), unlabelled);

        assertThat(scored.rows().columns()).contains("prediction", "score").doesNotContain("class");
        assertThat(scored.rows().count()).isEqualTo(unlabelled.rows().count());
    }

    @Test
    void shouldNameAFeatureColumnTheTableLacks() {
        TestRun run = Scenarios.credit();
        TableData lacking = run.table("split", "test").withRows(run.table("split", "test").rows().drop("age"));

        assertThatThrownBy(() -> predict(run.model("gbdt", "model"), lacking))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("predict").hasMessageContaining("'age'");
    }

    private static TableData predict(ModelData model, TableData in) {
        return (TableData) TestRun.execute("predict", Map.of(), Map.of("model", model, "in", in)).get("out");
    }
}
