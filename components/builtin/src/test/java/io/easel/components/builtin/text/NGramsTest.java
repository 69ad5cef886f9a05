package io.easel.components.builtin.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NGramsTest {

    @Test
    void shouldJoinEveryRunOfNNeighbouringWords() {
        TableData tokens = Glosses.tokens();

        TableData trigrams = Glosses.run("n-grams", Map.of("tokensColumn", "tokens", "n", 3), tokens);

        List<List<String>> words = Glosses.lists(trigrams, "tokens");
        List<List<String>> grams = Glosses.lists(trigrams, "ngrams");
        for (int i = 0; i < words.size(); i++) {
            List<String> expected = new ArrayList<>();
            for (int start = 0; start + 3 <= words.get(i).size(); start++) {
                expected.add(String.join(" ", words.get(i).subList(start, start + 3)));
            }
            assertThat(grams.get(i)).containsExactlyElementsOf(expected);
        }
        // "a very young mammal"
        assertThat(grams.get(3)).containsExactly("a very young", "very young mammal");
        assertThat(trigrams.lineage().pmmlGap()).isEmpty();
    }

    @Test
    void shouldCountPhrasesOfRawTextInPmmlAsSparkDoesWhenAModelIsTrainedOnThem() throws Exception {
        TableData bigrams = Glosses.run("n-grams", Map.of("tokensColumn", "words", "n", 2), Glosses.words());
        TableData counts = Glosses.run("count-vectorize", Map.of("tokensColumn", "ngrams", "vocabularySize", 60),
                bigrams);

        ModelData model = (ModelData) TestRun.execute("logistic-regression", Map.of("labelColumn", "category",
                "featureColumns", List.of("counts"), "maxIter", 10), Map.of("in", counts)).get("model");

        assertThat(model.slots()).hasSize(60);
        PmmlParity.assertSparkAndPmmlAgree(model, Glosses.raw().rows(), "logistic regression on bigram counts");
    }
}
