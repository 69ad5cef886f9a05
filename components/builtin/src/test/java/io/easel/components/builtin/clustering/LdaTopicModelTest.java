package io.easel.components.builtin.clustering;

import static io.easel.components.builtin.clustering.ClusterAgreement.purity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class LdaTopicModelTest {

    /** Two subjects, each document in two text columns, with stop words and a missing text. */
    private static final TableData TWO_SUBJECTS = Tables.of("title:string,body:string",
            new Object[] {"The cat", "a cat chases the mouse and the cat sleeps"},
            new Object[] {"Cats", "the mouse and the cat"},
            new Object[] {"Cat and mouse", null},
            new Object[] {"Stocks", "the market and the stocks fall"},
            new Object[] {"Market", "stocks rise in the market"},
            new Object[] {"Stock market", "a market of stocks"});

    @Test
    void shouldFindTopicsInWordNetGlossesThatFollowTheirCategories() {
        TestRun run = TestRun.example("lda", 0);
        ModelData model = run.model(ExampleGraph.NODE, "model");
        List<Row> topics = run.table(ExampleGraph.NODE, "topics").rows().collectAsList();
        TableData glosses = TestRun.dataset("wordnet_glosses");

        assertThat(topics).hasSize(60);
        assertThat(topics).extracting(r -> r.getInt(0)).containsOnly(0, 1, 2, 3, 4, 5);
        assertThat(topics.subList(0, 10)).extracting(r -> r.getInt(1)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9,
                10);
        assertThat(topics.subList(0, 10)).extracting(r -> r.getDouble(3))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // reached: 58 different words among the 60 top words (topics about places, body, food, plants …); and 0.44
        // of the glosses fall in a topic whose majority shares their category, where chance would give about 1/6
        assertThat(topics.stream().map(r -> r.getString(2)).distinct().count()).isGreaterThanOrEqualTo(45);
        assertThat(purity(model.score(glosses.rows()), LdaTopicModel.TOPIC, "category")).isGreaterThan(0.25);
        assertThat(topics).extracting(r -> r.getString(2)).doesNotContain("the", "of", "genus", "used");
        assertThat(model.metrics()).containsEntry("topics", 6).containsEntry("documents", 2400L);
    }

    @Test
    void shouldGiveEachDocumentItsTopicMixtureAndMostLikelyTopic() {
        ModelData model = train(Map.of("textColumns", List.of("title", "body"), "k", 2, "minDocFrequency", 1.0,
                "maxIter", 30, "optimizer", "em"));

        assertThat(model.spec().features()).extracting(ColumnSpec::name).containsExactly("title", "body");
        assertThat(model.spec().outputs()).containsExactly(ColumnSpec.of("topic", DataType.INTEGER),
                ColumnSpec.of("topicDistribution", DataType.VECTOR));
        assertThat(model.slots()).contains("cat", "mouse", "market", "stocks").doesNotContain("the", "a", "and");
        List<Row> scored = model.score(TWO_SUBJECTS.rows()).collectAsList();
        for (Row row : scored) {
            Vector mixture = row.getAs("topicDistribution");
            assertThat(Arrays.stream(mixture.toArray()).sum()).isCloseTo(1.0, within(1e-6));
            assertThat(row.<Integer>getAs("topic")).isEqualTo(mixture.argmax());
        }
        // the cat documents share a topic, the market ones the other
        List<Integer> topics = scored.stream().map(r -> r.<Integer>getAs("topic")).toList();
        assertThat(topics.subList(0, 3)).containsOnly(topics.get(0));
        assertThat(topics.subList(3, 6)).containsOnly(topics.get(3));
        assertThat(topics.get(0)).isNotEqualTo(topics.get(3));
    }

    @Test
    void shouldGiveADocumentWithoutAKnownWordNoTopic() {
        ModelData model = train(Map.of("textColumns", List.of("body"), "k", 2, "minDocFrequency", 1.0));

        Row unknown = model.score(Tables.of("title:string,body:string", new Object[] {"x", "nothing known here"})
                .rows()).first();

        assertThat(unknown.isNullAt(unknown.fieldIndex("topic"))).isTrue();
    }

    @Test
    void shouldExplainWhatItCannotLearnFrom() {
        assertThatThrownBy(() -> train(Map.of("textColumns", List.of("title"), "minDocFrequency", 10.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no word is left for the vocabulary")
                .hasMessageContaining("'minDocFrequency' is 10.0");
        assertThatThrownBy(() -> train(Map.of("textColumns", List.of("body"), "optimizer", "em",
                "docConcentration", 0.5)))
                .hasMessageContaining("param 'docConcentration' is 0.5, but the em optimizer needs a value above 1");
    }

    private static ModelData train(Map<String, Object> params) {
        return (ModelData) TestRun.execute("lda", params, Map.of("in", TWO_SUBJECTS)).get("model");
    }
}
