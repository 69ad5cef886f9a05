package io.easel.components.builtin.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class Word2VecEmbedTest {

    @Test
    void shouldGiveEachRowTheMeanVectorOfItsWords() {
        Map<String, Object> outputs = TestRun.execute("word2vec", Map.of("tokensColumn", "words",
                "vectorSize", 12, "minCount", 5, "maxIter", 1), Map.of("in", Glosses.words()));

        Map<String, double[]> vectors = new HashMap<>();
        for (Row row : ((TableData) outputs.get("vectors")).rows().collectAsList()) {
            vectors.put(row.getString(0), ((Vector) row.getAs(1)).toArray());
        }
        assertThat(vectors).containsKeys("plant", "animal", "body").hasSizeGreaterThan(200);
        TableData embedded = (TableData) outputs.get("out");
        for (Row row : embedded.rows().select("words", "embedding").limit(200).collectAsList()) {
            List<String> words = row.getList(0);
            double[] mean = new double[12];
            for (String word : words) {
                double[] vector = vectors.getOrDefault(word, new double[12]);
                for (int d = 0; d < 12; d++) {
                    mean[d] += vector[d] / words.size();
                }
            }
            Vector actual = row.getAs(1);
            assertThat(actual.size()).isEqualTo(12);
            for (int d = 0; d < 12; d++) {
                assertThat(actual.apply(d)).as(words.toString()).isCloseTo(mean[d], within(1e-6));
            }
        }
        assertThat(embedded.lineage().pmmlGap()).hasValueSatisfying(gap -> assertThat(gap.reason())
                .contains("word embeddings"));
    }
}
