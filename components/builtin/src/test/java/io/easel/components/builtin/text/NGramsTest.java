package io.easel.components.builtin.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.TableData;
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
}
