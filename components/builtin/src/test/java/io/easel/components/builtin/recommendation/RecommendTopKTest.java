package io.easel.components.builtin.recommendation;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.TableSpec;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RecommendTopKTest {

    private static final int BILLS = 16;

    @Test
    void shouldRecommendEachMemberTheBestBillsTheyHaveNotVotedFor() {
        TestRun run = TestRun.example("recommend-top-k", 0);
        Dataset<Row> recommended = run.table(ExampleGraph.NODE, "out").rows();
        Dataset<Row> train = run.table(run.nodeOf("random-split"), "train").rows();

        assertThat(SparkTypes.fromSchema(recommended.schema()))
                .isEqualTo(TableSpec.parse("member:integer,bill:string,score:double,rank:integer"));
        Map<Integer, Long> rated = counts(train);
        Map<Integer, List<Row>> lists = byFirstColumn(recommended);
        assertThat(lists.keySet()).isEqualTo(rated.keySet());
        lists.forEach((member, rows) -> {
            assertThat(rows).as("member " + member).hasSize((int) Math.min(5, BILLS - rated.get(member)));
            assertRankedBestFirst(rows);
        });
        assertThat(recommended.join(train, new String[] {"member", "bill"}).count()).isZero();
    }

    @Test
    void shouldKeepWhatWasRatedWhenAsked() {
        Dataset<Row> recommended = recommend(voteModel(), Map.of("k", 5, "excludeRated", false), null);

        Dataset<Row> train = votesTrainedOn();
        long rows = recommended.count();
        assertThat(rows).isEqualTo(5L * counts(train).size());
        // a member's own yeas are what the model is surest of
        assertThat(recommended.join(train, new String[] {"member", "bill"}).count()).isGreaterThan(rows * 3 / 4);
    }

    @Test
    void shouldRecommendMembersForEachBill() {
        Dataset<Row> recommended = recommend(voteModel(), Map.of("direction", "users", "k", 3), null);
        Dataset<Row> train = votesTrainedOn();

        assertThat(recommended.columns()).containsExactly("member", "bill", "score", "rank");
        Map<String, List<Row>> lists = new HashMap<>();
        recommended.collectAsList().forEach(r -> lists.computeIfAbsent(r.getString(1), b -> new ArrayList<>()).add(r));
        assertThat(lists).hasSize(BILLS);
        lists.values().forEach(rows -> {
            assertThat(rows).hasSize(3);
            assertRankedBestFirst(rows);
        });
        assertThat(recommended.join(train, new String[] {"member", "bill"}).count()).isZero();
    }

    @Test
    void shouldRecommendOnlyForTheMembersOfATable() {
        TableData asked = Tables.of("who:long", new Object[] {1L}, new Object[] {2L}, new Object[] {2L},
                new Object[] {99_999L}, new Object[] {null});

        Dataset<Row> recommended = recommend(voteModel(), Map.of("k", 2, "idColumn", "who"), asked);

        assertThat(recommended.collectAsList()).extracting(r -> r.getInt(0) + "#" + r.getInt(3))
                .containsExactly("1#1", "1#2", "2#1", "2#2");
        assertThatThrownBy(() -> recommend(voteModel(), Map.of(), asked))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input 'in' has no column 'member', the model's user column")
                .hasMessageContaining("'idColumn'");
    }

    @Test
    void shouldNameUsersAndItemsByTheirOriginalTextIds() {
        Dataset<Row> recommended = recommend(AlsRecommenderTest.tastes(), Map.of("k", 1), null);

        // only c and f have an item they did not rate; the others rated all three
        assertThat(recommended.collectAsList()).extracting(r -> r.getString(0) + " " + r.getString(1) + " "
                + r.getInt(3)).containsExactly("c y 1", "f x 1");
        ModelData rules = (ModelData) TestRun.execute("fp-growth", Map.of("itemsColumn", "basket"),
                Map.of("in", Tables.of("basket:string", new Object[] {"tea, milk"}))).get("model");
        assertThatThrownBy(() -> recommend(rules, Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the model from 'fp-growth' is not a recommender; connect the model of 'als'");
    }

    /** The example's model (trained once per test JVM: runs are cached by their upstream). */
    private static ModelData voteModel() {
        TestRun run = TestRun.example("recommend-top-k", 0);
        return run.model(run.nodeOf("als"), "model");
    }

    private static Dataset<Row> votesTrainedOn() {
        TestRun run = TestRun.example("recommend-top-k", 0);
        return run.table(run.nodeOf("random-split"), "train").rows();
    }

    private static Dataset<Row> recommend(ModelData model, Map<String, Object> params, TableData in) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("model", model);
        if (in != null) {
            inputs.put("in", in);
        }
        return ((TableData) TestRun.execute("recommend-top-k", params, inputs).get("out")).rows();
    }

    private static Map<Integer, Long> counts(Dataset<Row> votes) {
        Map<Integer, Long> byMember = new HashMap<>();
        votes.groupBy("member").count().collectAsList().forEach(r -> byMember.put(r.getInt(0), r.getLong(1)));
        return byMember;
    }

    private static Map<Integer, List<Row>> byFirstColumn(Dataset<Row> rows) {
        Map<Integer, List<Row>> lists = new HashMap<>();
        rows.orderBy(col("member"), col("rank")).collectAsList()
                .forEach(r -> lists.computeIfAbsent(r.getInt(0), m -> new ArrayList<>()).add(r));
        return lists;
    }

    /** Ranks 1, 2, … in order and scores that never rise. */
    private static void assertRankedBestFirst(List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getInt(3)).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(rows.get(i).getDouble(2)).isLessThanOrEqualTo(rows.get(i - 1).getDouble(2));
            }
        }
    }
}
