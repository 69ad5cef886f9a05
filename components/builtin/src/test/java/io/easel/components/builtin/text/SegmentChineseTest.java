package io.easel.components.builtin.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import io.easel.components.transform.ChineseWordSegmenter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On sentences written for these tests ({@link ChineseSamples}): the segmentations asserted are checked by hand. */
class SegmentChineseTest {

    static TableData reviews() {
        return (TableData) TestRun.execute("sql-query", Map.of("query", ChineseSamples.query()),
                Map.of("t1", TestRun.dataset("iris"))).get("out");
    }

    static TableData reviewWords() {
        return Glosses.run("segment-chinese", Map.of("textColumn", "review"), reviews());
    }

    @Test
    void shouldCutChineseSentencesIntoWordsWithoutPunctuation() {
        List<List<String>> words = Glosses.lists(reviewWords(), "words");

        assertThat(words).hasSize(ChineseSamples.REVIEWS.size());
        assertThat(words.get(6)).containsExactly("我们", "在", "北京大学", "学习", "自然语言处理");
        assertThat(words.get(2)).containsExactly("屏幕", "清晰", "价格", "便宜", "我", "很", "满意");
        assertThat(words).allSatisfy(list -> assertThat(list).noneMatch(w -> w.matches("\\p{Punct}|[，。！、]")));
    }

    @Test
    void shouldKeepPunctuationWhenAskedAndLatinWordsWhole() {
        assertThat(ChineseWordSegmenter.words("我买了 iPhone 16，很好用！", true))
                .contains("iPhone", "16", "，", "！").doesNotContain(" ");
        assertThat(ChineseWordSegmenter.words("我买了 iPhone 16，很好用！", false)).doesNotContain("，", "！");
        assertThat(ChineseWordSegmenter.words(null, false)).isEmpty();
    }

    @Test
    void shouldSayModelsOnItsWordsAreNotDeployable() {
        TableData words = reviewWords();

        assertThat(words.lineage().pmmlGap()).hasValueSatisfying(gap -> assertThat(gap.sentence())
                .contains("Chinese word segmentation", "not part of PMML"));
    }
}
