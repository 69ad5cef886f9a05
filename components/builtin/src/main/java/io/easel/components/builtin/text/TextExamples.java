package io.easel.components.builtin.text;

import io.easel.component.Example;
import io.easel.components.spi.ExampleData;
import java.util.Map;

/** The upstream chains the text components' examples start from: WordNet's glosses as words. */
final class TextExamples {

    private TextExamples() {}

    /** The glosses tokenized into a {@code tokens} column. */
    static Example.Upstream glossTokens() {
        return Example.Upstream.of("tokenize", Map.of("textColumn", "gloss"), "out")
                .from("in", ExampleData.dataset("wordnet_glosses"));
    }

    /** The gloss tokens without English stop words, in a {@code words} column. */
    static Example.Upstream glossWords() {
        return Example.Upstream.of("remove-stop-words", Map.of("tokensColumn", "tokens"), "out")
                .from("in", glossTokens());
    }

    /** Counts of the 40 most frequent gloss words (in two glosses at least), in a {@code counts} column. */
    static Example.Upstream glossCounts() {
        return Example.Upstream.of("count-vectorize", Map.of("tokensColumn", "words", "vocabularySize", 40,
                "minDocFrequency", 2.0), "out").from("in", glossWords());
    }
}
