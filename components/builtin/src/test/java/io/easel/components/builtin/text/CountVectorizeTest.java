package io.easel.components.builtin.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CountVectorizeTest {

    private static Map<String, Object> vectorize(Map<String, Object> params, TableData in) {
        return TestRun.execute("count-vectorize", params, Map.of("in", in));
    }

    @Test
    void shouldCountTheMostFrequentWordsOfTheCorpusPerRow() {
        TableData words = Glosses.words();
        Map<String, Object> outputs = vectorize(Map.of("tokensColumn", "words", "vocabularySize", 50), words);

        List<String> vocabulary = ((TableData) outputs.get("vocabulary")).rows().select("word").collectAsList()
                .stream().map(r -> r.getString(0)).toList();
        Map<String, Integer> corpusCounts = new HashMap<>();
        Glosses.lists(words, "words").forEach(list -> list.forEach(w -> corpusCounts.merge(w, 1, Integer::sum)));
        int fiftieth = corpusCounts.values().stream().sorted(Collections.reverseOrder()).skip(49).findFirst()
                .orElseThrow();
        assertThat(vocabulary).hasSize(50).allSatisfy(w -> assertThat(corpusCounts.get(w))
                .isGreaterThanOrEqualTo(fiftieth));
        assertThat(corpusCounts.get(vocabulary.getFirst())).isEqualTo(Collections.max(corpusCounts.values()));

        TableData counted = (TableData) outputs.get("out");
        for (Row row : counted.rows().select("words", "counts").collectAsList()) {
            Vector counts = row.getAs(1);
            for (int slot = 0; slot < vocabulary.size(); slot++) {
                String word = vocabulary.get(slot);
                assertThat(counts.apply(slot)).as(word + " in " + row.getList(0))
                        .isEqualTo(Collections.frequency(row.getList(0), word));
            }
        }
        assertThat(counted.lineage().pmmlGap()).isEmpty();
    }

    @Test
    void shouldKeepOnlyWordsInEnoughDocuments() {
        TableData words = Glosses.words();

        List<Row> vocabulary = ((TableData) vectorize(Map.of("tokensColumn", "words", "minDocFrequency", 30.0),
                words).get("vocabulary")).rows().collectAsList();

        Map<String, Integer> documents = new HashMap<>();
        Glosses.lists(words, "words").forEach(list -> new HashSet<>(list).forEach(w -> documents.merge(w, 1,
                Integer::sum)));
        Set<String> expected = new HashSet<>();
        documents.forEach((w, n) -> {
            if (n >= 30) {
                expected.add(w);
            }
        });
        assertThat(vocabulary.stream().map(r -> r.getString(1))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(vocabulary.stream().map(r -> r.getInt(0)).toList()).isSorted();
    }

    @Test
    void shouldSayAVocabularyWithPunctuationHasNoPmmlForm() {
        TableData whitespace = Glosses.run("tokenize", Map.of("textColumn", "gloss", "mode", "whitespace"),
                Glosses.raw());

        TableData counted = (TableData) vectorize(Map.of("tokensColumn", "tokens", "vocabularySize", 200),
                whitespace).get("out");

        assertThat(counted.lineage().pmmlGap()).hasValueSatisfying(gap -> assertThat(gap.reason())
                .contains("punctuation", "into words"));
    }
}
