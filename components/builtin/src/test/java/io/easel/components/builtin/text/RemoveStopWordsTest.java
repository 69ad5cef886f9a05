package io.easel.components.builtin.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.junit.jupiter.api.Test;

class RemoveStopWordsTest {

    @Test
    void shouldDropSparksEnglishStopWordsAndKeepTheRestInOrder() {
        TableData words = Glosses.words();

        Set<String> english = Set.of(StopWordsRemover.loadDefaultStopWords("english"));
        List<List<String>> tokens = Glosses.lists(words, "tokens");
        List<List<String>> kept = Glosses.lists(words, "words");
        for (int i = 0; i < tokens.size(); i++) {
            List<String> expected = new ArrayList<>(tokens.get(i));
            expected.removeIf(english::contains);
            assertThat(kept.get(i)).containsExactlyElementsOf(expected);
        }
        // "a domesticated animal kept for companionship or amusement"
        assertThat(kept.get(2)).containsExactly("domesticated", "animal", "kept", "companionship", "amusement");
        assertThat(words.lineage().pmmlGap()).isEmpty();
    }

    @Test
    void shouldIgnoreCaseUnlessAskedAndAddExtraWords() {
        TableData whitespace = Glosses.run("tokenize", Map.of("textColumn", "word", "mode", "pattern",
                "pattern", "\\s+", "lowerCase", false), Glosses.raw());

        TableData ignoringCase = Glosses.run("remove-stop-words", Map.of("tokensColumn", "tokens",
                "language", "none", "extraStopWords", "animalia, PET"), whitespace);
        TableData caseSensitive = Glosses.run("remove-stop-words", Map.of("tokensColumn", "tokens",
                "language", "none", "extraStopWords", "animalia, PET", "caseSensitive", true), whitespace);

        assertThat(Glosses.lists(ignoringCase, "words").subList(0, 3))
                .containsExactly(List.of(), List.of("scavenger"), List.of());
        assertThat(Glosses.lists(caseSensitive, "words").subList(0, 3))
                .containsExactly(List.of("Animalia"), List.of("scavenger"), List.of("pet"));
    }

    @Test
    void shouldDropSimplifiedChineseStopWordsFromHanlpsList() {
        assertThat(StopWordLists.chinese()).contains("的", "了", "我们", "和").doesNotContain("the", "about")
                .hasSizeGreaterThan(500);

        TableData kept = Glosses.run("remove-stop-words", Map.of("tokensColumn", "words", "language", "chinese",
                "outputColumn", "kept"), SegmentChineseTest.reviewWords());

        // 这款 手机 的 电池 很 耐用 拍照 效果 也 非常 好 : the particles and adverbs go
        assertThat(Glosses.lists(kept, "kept").getFirst()).contains("手机", "电池", "耐用", "拍照", "效果")
                .doesNotContain("的", "也");
    }

    @Test
    void shouldSayAStopWordWithPunctuationHasNoPmmlForm() {
        TableData words = Glosses.run("remove-stop-words", Map.of("tokensColumn", "tokens",
                "extraStopWords", "etc., e.g."), Glosses.tokens());

        assertThat(words.lineage().pmmlGap()).hasValueSatisfying(gap -> assertThat(gap.reason())
                .contains("etc.", "e.g."));
    }

    @Test
    void shouldRefuseAnEmptyList() {
        assertThatThrownBy(() -> Glosses.run("remove-stop-words", Map.of("tokensColumn", "tokens",
                "language", "none"), Glosses.tokens()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extraStopWords");
    }
}
