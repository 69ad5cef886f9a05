package io.easel.components.builtin.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PrefixSpanPatternsTest {

    /** Spark's own example, as text, with a blank and a missing sequence that do not count. */
    private static final TableData SEQUENCES = Tables.of("path:string", new Object[] {"1, 2 > 3"},
            new Object[] {"1 > 3,2 >  > 1 ,2"}, new Object[] {"1, 2, 1 > 5"}, new Object[] {"6"},
            new Object[] {"  "}, new Object[] {null});

    @Test
    void shouldFindThePatternsCountedByHand() {
        List<Row> patterns = mine(SEQUENCES, Map.of("sequenceColumn", "path", "minSupport", 0.5));

        // of 4 sequences, 2 are needed: 1 and 2 occur in three (also together), 3 in two, 1 before 3 in two; 2
        // before 3 and 1 before 2 only in one
        assertThat(patterns).extracting(Row::toString).containsExactly("[1, 2,2,3,0.75]", "[1,1,3,0.75]",
                "[2,1,3,0.75]", "[1 > 3,2,2,0.5]", "[3,1,2,0.5]");
    }

    @Test
    void shouldStopAtTheLongestPatternAskedFor() {
        List<Row> patterns = mine(SEQUENCES, Map.of("sequenceColumn", "path", "minSupport", 0.5,
                "maxPatternLength", 1));

        assertThat(patterns).extracting(r -> r.getString(0)).containsExactly("1", "2", "3");
    }

    @Test
    void shouldCountWordSequencesInWordNetGlossesAsTheGlossesHaveThem() {
        List<Row> patterns = TestRun.example("prefix-span", 0).table(ExampleGraph.NODE, "out").rows()
                .collectAsList();
        List<List<String>> glosses = TestRun.dataset("wordnet_glosses").rows().collectAsList().stream()
                .map(r -> words(r.getString(2)))
                .toList();

        assertThat(patterns).isNotEmpty().allMatch(r -> r.getLong(2) >= 0.05 * 2400 && r.getInt(1) <= 3);
        // written back with the separator the steps were read with: a space
        for (String pattern : List.of("of", "a of", "of the", "a of the")) {
            Row found = patterns.stream().filter(r -> r.getString(0).equals(pattern)).findFirst().orElseThrow();
            List<String> steps = Arrays.asList(pattern.split(" "));
            long holding = glosses.stream().filter(words -> inOrder(words, steps)).count();
            assertThat(found.getLong(2)).as(pattern).isEqualTo(holding);
            assertThat(found.getDouble(3)).isEqualTo(holding / 2400.0);
        }
    }

    @Test
    void shouldRefuseTheSameSeparatorTwice() {
        assertThatThrownBy(() -> mine(SEQUENCES, Map.of("sequenceColumn", "path", "itemSeparator", "arrow")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("params 'itemsetSeparator' and 'itemSeparator' are both '>'");
    }

    private static List<Row> mine(TableData sequences, Map<String, Object> params) {
        return ((TableData) TestRun.execute("prefix-span", params, Map.of("in", sequences)).get("out")).rows()
                .collectAsList();
    }

    /** A gloss's words as the example reads them: split at spaces, commas dropped. */
    private static List<String> words(String gloss) {
        return Arrays.stream(gloss.split("\\s+")).flatMap(w -> Arrays.stream(w.split(",")))
                .filter(w -> !w.isBlank()).toList();
    }

    /** Whether the words hold the steps in this order, not necessarily next to each other. */
    private static boolean inOrder(List<String> words, List<String> steps) {
        int next = 0;
        for (String word : words) {
            if (next < steps.size() && word.equals(steps.get(next))) {
                next++;
            }
        }
        return next == steps.size();
    }
}
