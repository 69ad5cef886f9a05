package io.easel.components.builtin.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Pmml;
import io.easel.components.testing.Scenarios;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class GbdtClassifierTest {

    @Test
    void shouldTakeTheRarerCreditClassAsPositiveAndLearnFromEveryOtherColumn() {
        ModelData model = Scenarios.credit().model("gbdt", "model");

        assertThat(model.labels()).containsExactly("good", "bad");
        assertThat(model.spec().label()).isEqualTo(ColumnSpec.of("class", DataType.STRING));
        assertThat(model.spec().features()).hasSize(20).extracting(ColumnSpec::name).doesNotContain("class")
                .contains("checking_status", "duration", "age");
        assertThat(model.spec().features()).filteredOn(f -> f.name().equals("duration")).singleElement()
                .extracting(ColumnSpec::type).isEqualTo(DataType.DOUBLE);
        assertThat(model.stage(GBTClassificationModel.class)).get()
                .extracting(GBTClassificationModel::getNumTrees).isEqualTo(20);
        assertThat(model.metrics()).containsEntry("positiveLabel", "bad").containsEntry("trees", 20);
        assertThat(model.lineage()).isEqualTo(Scenarios.credit().table("split", "train").lineage());
    }

    @Test
    void shouldScoreRawCreditRecordsInPmmlAsSparkScoresThem() throws Exception {
        TestRun run = Scenarios.credit();
        ModelData model = run.model("gbdt", "model");

        Pmml pmml = Pmml.convert(model.lineage().rawSchema(), model.scoringPipelineFromRaw());

        assertThat(pmml.inputNames()).hasSize(20).doesNotContain("class");
        // the scored rows still hold every raw column, so each is also the raw record PMML gets
        List<Row> scored = model.scoringPipelineFromRaw().transform(run.table("data", "out").rows())
                .limit(150).collectAsList();
        for (Row row : scored) {
            Map<String, ?> result = pmml.score(row);
            double spark = row.<Vector>getAs(ModelData.PROBABILITY).apply(1);
            assertThat((Double) result.get("probability(bad)")).as(row + " scored " + result)
                    .isCloseTo(spark, within(1e-9));
            assertThat(result.get("class")).isEqualTo(row.getAs("prediction"));
        }
    }

    @Test
    void shouldPredictANumericLabelWithTheLabelsOwnTypeAndStillExportToPmml() throws Exception {
        TableData cancer = TestRun.dataset("breast_cancer");

        ModelData model = train(cancer, Map.of("labelColumn", "malignant", "maxIter", 5, "maxDepth", 3,
                "featureColumns", List.of("mean_radius", "mean_texture", "worst_area", "worst_concave_points")));

        assertThat(model.labels()).containsExactly("0", "1"); // 212 of 569 are malignant (1): the rarer value
        assertThat(model.spec().outputs()).first().isEqualTo(ColumnSpec.of("prediction", DataType.INTEGER));
        Row scored = model.score(cancer.rows()).first();
        assertThat(scored.<Integer>getAs("prediction")).isIn(0, 1);
        Pmml pmml = Pmml.convert(model.lineage().rawSchema(), model.scoringPipelineFromRaw());
        assertThat(pmml.inputNames()).containsExactlyInAnyOrder("mean_radius", "mean_texture", "worst_area",
                "worst_concave_points");
        for (Row row : model.score(cancer.rows()).limit(50).collectAsList()) {
            Map<String, ?> result = pmml.score(row);
            assertThat((Double) result.get("probability(1)")).as(row + " scored " + result)
                    .isCloseTo(row.<Double>getAs(ModelData.SCORE), within(1e-9));
            assertThat(result.get("malignant")).isEqualTo(row.<Integer>getAs("prediction"));
        }
    }

    @Test
    void shouldScoreTheLabelTheUserNamesAsPositive() {
        TableData train = Scenarios.credit().table("split", "train");

        ModelData model = train(train, Map.of("labelColumn", "class", "positiveLabel", "good", "maxIter", 2,
                "featureColumns", List.of("duration", "checking_status")));

        assertThat(model.labels()).containsExactly("bad", "good");
        assertThat(model.spec().features()).extracting(ColumnSpec::name).containsExactly("duration",
                "checking_status");
    }

    @Test
    void shouldRefuseALabelWithMoreThanTwoValuesNamingIt() {
        TableData iris = TestRun.dataset("iris");

        assertThatThrownBy(() -> train(iris, Map.of("labelColumn", "species")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gbdt-classifier").hasMessageContaining("'species'")
                .hasMessageContaining("3 classes").hasMessageContaining("setosa")
                .hasMessageContaining("use a multiclass classifier");
    }

    @Test
    void shouldExplainWhatIsWrongWithUnusableFeatures() {
        TableData table = Tables.of("x:double,city:string,y:string",
                new Object[] {1.0, "a", "yes"}, new Object[] {null, "b", "no"}, new Object[] {2.0, "c", "no"});

        assertThatThrownBy(() -> train(table, Map.of("labelColumn", "y", "featureColumns", List.of("x"),
                "missingValues", "fail")))
                .hasMessageContaining("'x' has 1 missing values");
        assertThatThrownBy(() -> train(table, Map.of("labelColumn", "y", "featureColumns", List.of("city"),
                "maxBins", 3)))
                .hasMessageContaining("'city' has 3 distinct values").hasMessageContaining("'maxBins'");
        assertThatThrownBy(() -> train(table, Map.of("labelColumn", "y", "positiveLabel", "maybe")))
                .hasMessageContaining("'positiveLabel'").hasMessageContaining("[no, yes]");
    }

    private static ModelData train(TableData in, Map<String, Object> params) {
        return (ModelData) TestRun.execute("gbdt-classifier", params, Map.of("in", in)).get("model");
    }
}
