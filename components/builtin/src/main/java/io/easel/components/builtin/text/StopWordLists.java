package io.easel.components.builtin.text;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.ml.feature.StopWordsRemover;

/**
 * The stop word lists offered: Spark's English list, and the Simplified Chinese words of HanLP's stop word dictionary
 * (shipped inside the HanLP 1.8.6 portable jar as {@code data/dictionary/stopwords.txt.bin}, Apache License 2.0;
 * the dictionary mixes English and Chinese words, of which the ones containing a Han character are kept).
 */
final class StopWordLists {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private StopWordLists() {}

    static List<String> english() {
        return Arrays.asList(StopWordsRemover.loadDefaultStopWords("english"));
    }

    static List<String> chinese() {
        // a few entries of the dictionary carry punctuation; they are no words a segmenter outputs
        return CoreStopWordDictionary.dictionary.stream().filter(w -> HAN.matcher(w).find())
                .filter(w -> !punctuated(w)).sorted().toList();
    }

    /**
     * Whether a word (or each space-separated part of a phrase) starts or ends with punctuation, which is what
     * JPMML-SparkML refuses in stop words and vocabularies ("don't" is fine, "(plant" is not).
     */
    static boolean punctuated(String word) {
        return SPACES.splitAsStream(word).filter(part -> !part.isEmpty())
                .anyMatch(part -> punctuation(part.charAt(0)) || punctuation(part.charAt(part.length() - 1)));
    }

    private static boolean punctuation(char c) {
        return switch (Character.getType(c)) {
            case Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.CONNECTOR_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION -> true;
            default -> false;
        };
    }
}
