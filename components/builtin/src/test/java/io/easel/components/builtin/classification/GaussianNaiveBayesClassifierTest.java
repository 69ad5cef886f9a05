package io.easel.components.builtin.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.apache.spark.ml.classification.NaiveBayesModel;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

class GaussianNaiveBayesClassifierTest {

    @Test
    void shouldClassifyHeldBackIrisFromMeasurements() {
        HeldOut iris = HeldOut.of("iris", "gaussian-naive-bayes", Map.of("labelColumn", "species"));

        assertThat(iris.accuracy()).isGreaterThanOrEqualTo(0.9); // reached 0.96
        NaiveBayesModel model = iris.model().stage(NaiveBayesModel.class).orElseThrow();
        assertThat(model.getModelType()).isEqualTo("gaussian");
        assertThat(model.sigma().numRows()).isEqualTo(3);
    }

    @Test
    void shouldRankHeldBackTumoursFromMeasurements() {
        HeldOut cancer = HeldOut.of("breast_cancer", "gaussian-naive-bayes", Map.of("labelColumn", "malignant"));

        assertThat(cancer.auc()).isGreaterThanOrEqualTo(0.95); // reached 0.98
    }

    @Test
    void shouldTakeNegativeMeasurementsThatCountModelsRefuse() {
        TableData table = Tables.of("change:double,y:string",
                new Object[] {-2.0, "down"}, new Object[] {-1.5, "down"}, new Object[] {-1.8, "down"},
                new Object[] {1.0, "up"}, new Object[] {1.4, "up"}, new Object[] {2.1, "up"});

        ModelData model = (ModelData) TestRun.execute("gaussian-naive-bayes", Map.of("labelColumn", "y"),
                Map.of("in", table)).get("model");

        assertThat(model.score(table.rows()).select(ModelData.PREDICTION).as(Encoders.STRING()).collectAsList())
                .containsExactly("down", "down", "down", "up", "up", "up");
    }

    @Test
    void shouldOfferAModelThatIsNotExportedToPmml() {
        assertThat(TestRun.REGISTRY.byId("gaussian-naive-bayes").descriptor().outputs().getFirst().exportsPmml())
                .isFalse();
        assertThat(TestRun.REGISTRY.byId("naive-bayes").descriptor().outputs().getFirst().exportsPmml()).isTrue();
    }
}
