package io.easel.components.builtin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.ModelSpec;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Scenarios;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class FeatureImportanceTest {

    @Test
    void shouldRankEveryCreditFeatureByItsImportance() {
        TestRun run = Scenarios.credit();
        TableData importances = run.table("importance", "out");

        List<Row> rows = importances.rows().collectAsList();
        List<String> creditColumns = List.of(run.table("data", "out").rows().columns());
        assertThat(rows).hasSize(20).extracting(r -> r.getString(0))
                .allMatch(creditColumns::contains).doesNotContain("class");
        assertThat(rows).extracting(r -> r.getDouble(1)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(rows.stream().mapToDouble(r -> r.getDouble(1)).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(rows.get(0).getDouble(1)).isGreaterThan(rows.get(19).getDouble(1));
    }

    @Test
    void shouldSayWhenAModelHasNoImportances() {
        ModelSpec spec = new ModelSpec("some-linear-model", ColumnSpec.of("y", DataType.DOUBLE),
                List.of(ColumnSpec.of("x", DataType.DOUBLE)), List.of(ColumnSpec.of("prediction", DataType.DOUBLE)));
        PipelineModel pipeline = new PipelineModel("p", new Transformer[] {
            new VectorAssembler().setInputCols(new String[] {"x"}).setOutputCol("v")});
        ModelData model = new ModelData(spec, FeatureLineage.source(new StructType()), pipeline, List.of(), Map.of());

        assertThatThrownBy(() -> TestRun.execute("feature-importance", Map.of(), Map.of("model", model)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'some-linear-model'").hasMessageContaining("no feature importances");
    }
}
