package io.easel.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ModelSpec;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.engine.SharedSpark;
import io.easel.graph.PortRef;
import io.easel.run.ModelLineage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Which table a model's parity check samples and which its training profile counts: raw records of the model's lineage
 * upstream of it, rows the model did not train on first for the one, the rows nearest the model that fed its training
 * for the other (data → split → gbdt, with a table after a feature step and one off the model's path beside).
 */
class RawRowsTest {

    private static final StructType RAW = new StructType().add("x", "double").add("class", "string");
    private static final PortRef SOURCE = new PortRef("data", "out");
    private static final PortRef TRAIN = new PortRef("split", "train");
    private static final PortRef TEST = new PortRef("split", "test");
    private static final List<ModelLineage.Step> LINEAGE = List.of(
            new ModelLineage.Step("data", "sample-dataset", 1, Map.of(), Map.of(), null),
            new ModelLineage.Step("split", "random-split", 1, Map.of(), Map.of("in", SOURCE), null),
            new ModelLineage.Step("gbdt", "gbdt-classifier", 1, Map.of(), Map.of("in", TRAIN), null));
    private static final ModelData MODEL = new ModelData(new ModelSpec("gbdt-classifier", null, List.of(), List.of()),
            FeatureLineage.source(RAW), new PipelineModel("empty", new Transformer[0]), List.of(), Map.of());

    private final Map<PortRef, PortValue> values = new HashMap<>();

    @Test
    void shouldPreferTheRowsTheModelDidNotTrainOn() {
        Dataset<Row> test = put(TEST, raw());
        put(SOURCE, raw());
        put(TRAIN, raw());
        put(new PortRef("scaled", "out"), new TableData(rows(), new FeatureLineage(RAW, List.of(step()))));

        assertThat(RawRows.heldOut(MODEL, LINEAGE, values)).isSameAs(test);
    }

    @Test
    void shouldTakeTheFirstRawTableWhenTheModelTrainedOnAll() {
        Dataset<Row> source = put(SOURCE, raw());
        put(TRAIN, raw());
        // The held-out side comes after a feature step, so its records are not raw; another node's are not upstream.
        put(TEST, new TableData(rows(), new FeatureLineage(RAW, List.of(step()))));
        put(new PortRef("elsewhere", "out"), raw());

        assertThat(RawRows.heldOut(MODEL, LINEAGE, values)).isSameAs(source);
    }

    @Test
    void shouldFindNoneWithoutRawRecordsOfTheModelsLineage() {
        put(SOURCE, new TableData(rows(), FeatureLineage.source(new StructType().add("y", "double"))));

        assertThat(RawRows.heldOut(MODEL, LINEAGE, values)).isNull();
    }

    @Test
    void shouldProfileTheRowsNearestTheModelThatFedItsTraining() {
        put(TEST, raw());
        put(SOURCE, raw());
        Dataset<Row> train = put(TRAIN, raw());

        assertThat(RawRows.trainedOn(MODEL, LINEAGE, values)).isSameAs(train);
    }

    @Test
    void shouldProfileNoHeldOutRows() {
        put(TEST, raw());

        assertThat(RawRows.trainedOn(MODEL, LINEAGE, values)).isNull();
    }

    private Dataset<Row> put(PortRef port, TableData table) {
        values.put(port, new PortValue.Table(table));
        return table.rows();
    }

    private static TableData raw() {
        return new TableData(rows(), FeatureLineage.source(RAW));
    }

    private static Dataset<Row> rows() {
        return SharedSpark.session().createDataFrame(List.of(), RAW);
    }

    private static Transformer step() {
        return new SQLTransformer().setStatement("SELECT * FROM __THIS__");
    }
}
