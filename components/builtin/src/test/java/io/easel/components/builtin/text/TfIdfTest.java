package io.easel.components.builtin.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TfIdfTest {

    @Test
    void shouldWeightEachCountByTheLogOfItsInverseDocumentFrequency() {
        TableData counts = (TableData) TestRun.execute("count-vectorize", Map.of("tokensColumn", "words",
                "vocabularySize", 30), Map.of("in", Glosses.words())).get("out");

        TableData weighted = Glosses.run("tf-idf", Map.of("countsColumn", "counts"), counts);

        List<Row> rows = weighted.rows().select("counts", "tfidf").collectAsList();
        int documents = rows.size();
        int[] containing = documentsContaining(rows, 30);
        for (Row row : rows) {
            Vector tf = row.getAs(0);
            Vector tfidf = row.getAs(1);
            for (int slot = 0; slot < 30; slot++) {
                double idf = Math.log((documents + 1.0) / (containing[slot] + 1.0));
                assertThat(tfidf.apply(slot)).isCloseTo(tf.apply(slot) * idf, within(1e-12));
            }
        }
        // the most frequent word is in many glosses, so it weighs less than the 30th
        assertThat(containing[0]).isGreaterThan(containing[29]);
    }

    @Test
    void shouldZeroWordsInTooFewDocuments() {
        TableData counts = (TableData) TestRun.execute("count-vectorize", Map.of("tokensColumn", "words",
                "vocabularySize", 600), Map.of("in", Glosses.words())).get("out");
        List<Row> countRows = counts.rows().select("counts").collectAsList();
        int[] containing = documentsContaining(countRows, 600);
        // the rarest words of the vocabulary fall below the threshold, the others not
        int threshold = Arrays.stream(containing).min().orElseThrow() + 1;

        TableData weighted = Glosses.run("tf-idf", Map.of("countsColumn", "counts", "minDocFrequency", threshold),
                counts);

        for (Row row : weighted.rows().select("counts", "tfidf").collectAsList()) {
            double[] tf = ((Vector) row.getAs(0)).toArray();
            double[] weights = ((Vector) row.getAs(1)).toArray();
            for (int slot = 0; slot < 600; slot++) {
                if (containing[slot] < threshold) {
                    assertThat(weights[slot]).isZero();
                } else {
                    assertThat(weights[slot] > 0).isEqualTo(tf[slot] > 0);
                }
            }
        }
    }

    /** In how many rows each slot of the counts (the first column) is not 0. */
    private static int[] documentsContaining(List<Row> rows, int size) {
        int[] containing = new int[size];
        for (Row row : rows) {
            double[] counts = ((Vector) row.getAs(0)).toArray();
            for (int slot = 0; slot < size; slot++) {
                containing[slot] += counts[slot] > 0 ? 1 : 0;
            }
        }
        return containing;
    }
}
