package io.easel.components.builtin.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class HashingTfTest {

    @Test
    void shouldCountEveryWordOfARowIntoAVectorOfTheGivenSize() {
        TableData hashed = Glosses.run("hashing-tf", Map.of("tokensColumn", "tokens", "numFeatures", 64),
                Glosses.tokens());

        for (Row row : hashed.rows().select("tokens", "tf").collectAsList()) {
            Vector counts = row.getAs(1);
            assertThat(counts.size()).isEqualTo(64);
            assertThat(sum(counts)).as(row.toString()).isEqualTo(row.getList(0).size());
        }
    }

    @Test
    void shouldMarkPresenceOnlyWhenBinary() {
        TableData hashed = Glosses.run("hashing-tf", Map.of("tokensColumn", "tokens", "numFeatures", 4096,
                "binary", true), Glosses.tokens());

        for (Row row : hashed.rows().select("tokens", "tf").collectAsList()) {
            Vector flags = row.getAs(1);
            assertThat(flags.toSparse().values()).containsOnly(1.0);
            // distinct words may share a slot, never the other way round
            assertThat(flags.numNonzeros()).isLessThanOrEqualTo((int) row.getList(0).stream().distinct().count())
                    .isPositive();
        }
    }

    @Test
    void shouldLeaveAModelTrainedOnItUndeployableSayingWhy() {
        TableData hashed = Glosses.run("hashing-tf", Map.of("tokensColumn", "tokens", "numFeatures", 256),
                Glosses.tokens());

        ModelData model = (ModelData) TestRun.execute("naive-bayes", Map.of("labelColumn", "category",
                "featureColumns", List.of("tf")), Map.of("in", hashed)).get("model");

        assertThat(model.pmmlObstacle()).isPresent();
        assertThat((String) model.metrics().get(ModelData.NOT_EXPORTED_FACT))
                .contains("Hashing term frequency", "feature hashing is not part of PMML");
    }

    private static double sum(Vector vector) {
        double total = 0;
        for (double v : vector.toArray()) {
            total += v;
        }
        return total;
    }
}
