package io.easel.components.builtin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RankingEvaluationTest {

    /** u1 gets a, b, c; u2 gets d, a (d twice); u3 gets x but has nothing relevant, so it is left out. */
    private static final TableData RANKED = Tables.of("user:string,item:string,rank:integer",
            new Object[] {"u1", "b", 2}, new Object[] {"u1", "a", 1}, new Object[] {"u1", "c", 3},
            new Object[] {"u2", "d", 1}, new Object[] {"u2", "a", 2}, new Object[] {"u2", "d", 3},
            new Object[] {"u3", "x", 1}, new Object[] {"u3", null, 2});

    /** u1 has a and c, u2 has e, u4 (without recommendations) has a. */
    private static final TableData RELEVANT = Tables.of("user:string,item:string", new Object[] {"u1", "a"},
            new Object[] {"u1", "c"}, new Object[] {"u2", "e"}, new Object[] {"u4", "a"}, new Object[] {"u4", null});

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void shouldEqualTheMetricsComputedByHand() {
        ReportData report = evaluate(RANKED, RELEVANT, Map.of("userColumn", "user", "itemColumn", "item", "k", 2));

        Map<String, Object> m = report.metrics();
        // at 2: u1 finds a of {a, c}; u2 and u4 find nothing
        assertThat((Double) m.get("precisionAtK")).isCloseTo((1.0 / 2) / 3, within(1e-12));
        assertThat((Double) m.get("recallAtK")).isCloseTo((1.0 / 2) / 3, within(1e-12));
        // u1: a hit at 1 over the ideal of two hits at 1 and 2
        assertThat((Double) m.get("ndcgAtK")).isCloseTo((1 / (1 + 1 / LOG2_3)) / 3, within(1e-12));
        // u1 over its whole list: hits at 1 (precision 1) and 3 (precision 2/3), over its 2 relevant items
        assertThat((Double) m.get("map")).isCloseTo(((1 + 2.0 / 3) / 2) / 3, within(1e-12));
        assertThat((Double) m.get("mapAtK")).isCloseTo((1.0 / 2) / 3, within(1e-12));
        assertThat(m).containsEntry("users", 3L).containsEntry("usersWithRecommendations", 2L).containsEntry("k", 2);
        @SuppressWarnings("unchecked")
        List<List<Number>> precision = (List<List<Number>>) report.charts().get("precision");
        assertThat(precision).extracting(p -> p.get(0)).containsExactly(1, 2);
        assertThat(precision.get(0).get(1).doubleValue()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(precision.get(1).get(1).doubleValue()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(report.charts()).containsOnlyKeys("precision", "recall", "ndcg");
    }

    @Test
    void shouldOrderByScoreAndMatchIdsOfOtherTypesAndNames() {
        TableData scored = Tables.of("customer:integer,product:string,score:double",
                new Object[] {1, "b", 0.5}, new Object[] {1, "a", 0.9}, new Object[] {1, "c", 0.1},
                new Object[] {2, "d", 0.7}, new Object[] {2, "a", 0.2});
        TableData bought = Tables.of("who:string,what:string", new Object[] {"1", "a"}, new Object[] {"1", "c"},
                new Object[] {"2", "e"}, new Object[] {"4", "a"});

        ReportData byScore = evaluate(scored, bought, Map.of("userColumn", "customer", "itemColumn", "product",
                "orderBy", "score", "truthUserColumn", "who", "truthItemColumn", "what", "k", 2));
        ReportData byRank = evaluate(RANKED, RELEVANT, Map.of("userColumn", "user", "itemColumn", "item", "k", 2));

        assertThat(byScore.metrics()).containsOnlyKeys(byRank.metrics().keySet());
        byRank.metrics().forEach((name, value) -> assertThat(((Number) byScore.metrics().get(name)).doubleValue())
                .as(name).isCloseTo(((Number) value).doubleValue(), within(1e-12)));
    }

    @Test
    void shouldEvaluateEveryMemberWithHeldBackVotes() {
        TestRun run = TestRun.example("ranking-evaluation", 0);
        ReportData report = run.report(ExampleGraph.NODE, "report");
        String split = run.nodeOf("random-split");
        Dataset<Row> heldBack = run.table(split, "test").rows().select("member").distinct();
        Dataset<Row> trained = run.table(split, "train").rows().select("member").distinct();

        assertThat(report.metrics()).containsEntry("k", 5)
                .containsEntry("users", heldBack.count())
                .containsEntry("usersWithRecommendations", heldBack.intersect(trained).count());
        assertThat((List<?>) report.charts().get("ndcg")).hasSize(5);
    }

    @Test
    void shouldSayWhenTheTwoTablesShareNoUser() {
        TableData others = Tables.of("user:string,item:string", new Object[] {"v1", "a"});

        assertThatThrownBy(() -> evaluate(RANKED, others, Map.of("userColumn", "user", "itemColumn", "item")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none of the 1 users of input 'truth' has a recommendation");
        assertThatThrownBy(() -> evaluate(RANKED, Tables.of("who:string,item:string", new Object[] {"u1", "a"}),
                Map.of("userColumn", "user", "itemColumn", "item")))
                .hasMessageContaining("input 'truth' has no column 'user' like the recommendations; pick its column "
                        + "in 'truthUserColumn'");
    }

    private static ReportData evaluate(TableData recommendations, TableData truth, Map<String, Object> params) {
        return (ReportData) TestRun.execute("ranking-evaluation", params, Map.of("recommendations",
                recommendations, "truth", truth)).get("report");
    }
}
