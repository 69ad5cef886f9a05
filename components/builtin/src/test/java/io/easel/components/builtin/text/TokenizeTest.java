package io.easel.components.builtin.text;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.TableData;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TokenizeTest {

    @Test
    void shouldSplitEveryGlossIntoItsLowerCaseWordsWithoutPunctuation() {
        TableData tokens = Glosses.tokens();

        List<Row> rows = tokens.rows().select("gloss", "tokens").collectAsList();
        assertThat(rows).hasSize(2400);
        for (Row row : rows) {
            List<String> expected = Arrays.stream(row.getString(0).toLowerCase(Locale.ROOT).split("[^a-z0-9_]+"))
                    .filter(w -> !w.isEmpty()).toList();
            assertThat(row.<String>getList(1)).as(row.getString(0)).containsExactlyElementsOf(expected);
        }
        assertThat(rows.getFirst().<String>getList(1)).containsExactly("taxonomic", "kingdom", "comprising", "all",
                "living", "or", "extinct", "animals");
        assertThat(tokens.lineage().pmmlGap()).isEmpty();
    }

    @Test
    void shouldKeepPunctuationWithItsWordWhenSplittingAtWhitespace() {
        TableData tokens = Glosses.run("tokenize", Map.of("textColumn", "gloss", "mode", "whitespace"),
                Glosses.raw());

        for (Row row : tokens.rows().select("gloss", "tokens").collectAsList()) {
            assertThat(row.<String>getList(1)).as(row.getString(0))
                    .containsExactly(row.getString(0).toLowerCase(Locale.ROOT).strip().split("\\s+"));
        }
    }

    @Test
    void shouldGiveNoWordsForAMissingTextAndLeaveTheTextMissing() {
        TableData raw = Glosses.raw();
        TableData withMissing = raw.withRows(raw.rows().withColumn("gloss",
                when(col("category").equalTo("noun.plant"), lit(null)).otherwise(col("gloss"))));

        TableData tokens = Glosses.run("tokenize", Map.of("textColumn", "gloss"), withMissing);

        List<Row> plants = tokens.rows().filter(col("category").equalTo("noun.plant")).select("gloss", "tokens")
                .collectAsList();
        assertThat(plants).hasSize(400).allSatisfy(row -> {
            assertThat(row.isNullAt(0)).isTrue();
            assertThat(row.<String>getList(1)).isEmpty();
        });
        assertThat(tokens.rows().columns()).containsExactly("word", "category", "gloss", "tokens");
    }

    @Test
    void shouldMatchWordsByAPatternDroppingShortOnesWithoutAPmmlForm() {
        TableData tokens = Glosses.run("tokenize", Map.of("textColumn", "gloss", "mode", "pattern",
                "pattern", "[a-z]+", "patternMatches", "words", "minWordLength", 4, "lowerCase", false),
                Glosses.raw());

        List<String> first = Glosses.lists(tokens, "tokens").getFirst();
        // "Animalia" is no gloss: the first gloss is "taxonomic kingdom comprising all living or extinct animals"
        assertThat(first).containsExactly("taxonomic", "kingdom", "comprising", "living", "extinct", "animals");
        assertThat(Glosses.lists(tokens, "tokens")).allSatisfy(words -> assertThat(words)
                .allSatisfy(w -> assertThat(w).matches("[a-z]{4,}")));
        assertThat(tokens.lineage().pmmlGap()).hasValueSatisfying(gap -> assertThat(gap.reason())
                .contains("pattern"));
    }

    @Test
    void shouldRefuseABrokenPatternNamingTheParam() {
        assertThatThrownBy(() -> Glosses.run("tokenize", Map.of("textColumn", "gloss", "mode", "pattern",
                "pattern", "[a-z"), Glosses.raw()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pattern'").hasMessageContaining("[a-z");
    }

    @Test
    void shouldRefuseAnOutputColumnTheTableHas() {
        assertThatThrownBy(() -> Glosses.run("tokenize", Map.of("textColumn", "gloss", "outputColumn", "word"),
                Glosses.raw()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'word'").hasMessageContaining("outputColumn");
    }
}
