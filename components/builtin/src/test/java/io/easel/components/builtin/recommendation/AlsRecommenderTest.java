package io.easel.components.builtin.recommendation;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class AlsRecommenderTest {

    /**
     * Two tastes: a, b and c like x and y and dislike z; d, e and f the opposite. Ids are text; g rated nothing.
     */
    static final TableData TASTES = Tables.of("user:string,item:string,stars:double",
            new Object[] {"a", "x", 5.0}, new Object[] {"a", "y", 4.0}, new Object[] {"a", "z", 1.0},
            new Object[] {"b", "x", 4.0}, new Object[] {"b", "y", 5.0}, new Object[] {"b", "z", 1.0},
            new Object[] {"c", "x", 5.0}, new Object[] {"c", "z", 2.0},
            new Object[] {"d", "x", 1.0}, new Object[] {"d", "y", 2.0}, new Object[] {"d", "z", 5.0},
            new Object[] {"e", "x", 2.0}, new Object[] {"e", "y", 1.0}, new Object[] {"e", "z", 4.0},
            new Object[] {"f", "y", 1.0}, new Object[] {"f", "z", 5.0},
            new Object[] {null, "x", 3.0}, new Object[] {"g", "x", null});

    private static final Map<String, Object> EXPLICIT = Map.of("userColumn", "user", "itemColumn", "item",
            "ratingColumn", "stars", "rank", 2, "maxIter", 10, "regParam", 0.01);

    private static ModelData tastes;

    @Test
    void shouldRecommendHeldBackBillsBetterThanPopularity() {
        TestRun run = TestRun.example("ranking-evaluation", 0);
        ReportData als = run.report(ExampleGraph.NODE, "report");
        String split = run.nodeOf("random-split");
        Dataset<Row> train = run.table(split, "train").rows();
        TableData heldBack = run.table(split, "test");

        ReportData popular = (ReportData) TestRun.execute("ranking-evaluation", Map.of("userColumn", "member",
                        "itemColumn", "bill", "k", 5),
                Map.of("recommendations", mostPopularUnvoted(train, 5), "truth", heldBack)).get("report");

        double alsPrecision = (Double) als.metrics().get("precisionAtK");
        double alsNdcg = (Double) als.metrics().get("ndcgAtK");
        double popularPrecision = (Double) popular.metrics().get("precisionAtK");
        double popularNdcg = (Double) popular.metrics().get("ndcgAtK");
        // reached: ALS precision@5 0.325, NDCG@5 0.768, MAP 0.698; the most popular bills a member has not voted
        // for: 0.228, 0.448, 0.345. The 366 members with held-back yeas have 1.9 each, so precision@5 cannot pass
        // 0.378
        assertThat(alsPrecision).isGreaterThan(popularPrecision + 0.07);
        assertThat(alsNdcg).isGreaterThan(0.7).isGreaterThan(popularNdcg + 0.2);
        assertThat((Double) als.metrics().get("map")).isGreaterThan((Double) popular.metrics().get("map") + 0.2);
    }

    @Test
    void shouldPredictStatedRatingsAndKnowTextIds() {
        ModelData model = tastes();

        assertThat(model.spec().features()).containsExactly(ColumnSpec.of("user", DataType.STRING),
                ColumnSpec.of("item", DataType.STRING));
        assertThat(model.metrics()).containsEntry("users", 6).containsEntry("items", 3).containsEntry("ratings", 16L);
        Map<String, Double> predicted = predictions(model.score(Tables.of("user:string,item:string",
                new Object[] {"a", "x"}, new Object[] {"c", "y"}, new Object[] {"f", "x"}, new Object[] {"d", "z"})
                .rows()));
        assertThat(predicted.get("a x")).isCloseTo(5.0, within(0.5));
        assertThat(predicted.get("d z")).isCloseTo(5.0, within(0.5));
        // never rated: c shares a and b's taste for y, f shares d and e's dislike of x
        assertThat(predicted.get("c y")).isGreaterThan(3.0);
        assertThat(predicted.get("f x")).isLessThan(3.0);
        assertThat((Double) model.metrics().get("trainingRmse")).isLessThan(0.5);
    }

    @Test
    void shouldLeaveUnknownUsersWithoutPredictionOrDropThem() {
        TableData unknown = Tables.of("user:string,item:string", new Object[] {"a", "x"}, new Object[] {"zoe", "x"},
                new Object[] {"a", "w"}, new Object[] {null, "x"});

        Map<String, Double> kept = predictions(tastes().score(unknown.rows()));
        Map<String, Object> dropping = new HashMap<>(EXPLICIT);
        dropping.put("coldStartStrategy", "drop");
        dropping.put("maxIter", 2); // only which rows come out matters here
        Map<String, Double> dropped = predictions(train(TASTES, dropping).score(unknown.rows()));

        assertThat(kept).hasSize(4).containsEntry("zoe x", null).containsEntry("a w", null)
                .containsEntry("null x", null);
        assertThat(kept.get("a x")).isGreaterThan(3.0);
        assertThat(dropped).containsOnlyKeys("a x");
    }

    @Test
    void shouldAddUpRepeatedInteractionsWithoutARatingColumn() {
        TableData plays = Tables.of("listener:long,track:integer", new Object[] {1L, 10}, new Object[] {1L, 10},
                new Object[] {1L, 11}, new Object[] {2L, 10}, new Object[] {2L, 12}, new Object[] {3L, 12});

        ModelData model = train(plays, Map.of("userColumn", "listener", "itemColumn", "track", "implicitPrefs", true,
                "rank", 2, "maxIter", 2));

        assertThat(model.metrics()).containsEntry("ratings", 5L).containsEntry("users", 3).containsEntry("items", 3);
        assertThat(model.spec().features()).containsExactly(ColumnSpec.of("listener", DataType.LONG),
                ColumnSpec.of("track", DataType.INTEGER));
        assertThat(model.score(plays.rows()).filter(col("prediction").isNull()).count()).isZero();
    }

    @Test
    void shouldAskForImplicitFeedbackWhenThereIsNoRating() {
        assertThatThrownBy(() -> train(TASTES, Map.of("userColumn", "user", "itemColumn", "item")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without 'ratingColumn' each row is one interaction")
                .hasMessageContaining("turn on 'implicitPrefs'");
    }

    /** The explicit model of {@link #TASTES}, trained once for the tests that read it. */
    static synchronized ModelData tastes() {
        if (tastes == null) {
            tastes = train(TASTES, EXPLICIT);
        }
        return tastes;
    }

    static ModelData train(TableData ratings, Map<String, Object> params) {
        return (ModelData) TestRun.execute("als", params, Map.of("in", ratings)).get("model");
    }

    private static Map<String, Double> predictions(Dataset<Row> scored) {
        Map<String, Double> byPair = new HashMap<>();
        for (Row row : scored.collectAsList()) {
            byPair.put(row.getString(0) + " " + row.getString(1), row.isNullAt(2) ? null : row.getDouble(2));
        }
        return byPair;
    }

    /** The baseline: for each member, the k bills with the most yeas in training that the member has not voted for. */
    private static TableData mostPopularUnvoted(Dataset<Row> train, int k) {
        List<String> byPopularity = train.groupBy("bill").count().orderBy(col("count").desc(), col("bill"))
                .collectAsList().stream().map(r -> r.getString(0)).toList();
        Map<Integer, Set<String>> voted = new HashMap<>();
        for (Row row : train.select("member", "bill").collectAsList()) {
            voted.computeIfAbsent(row.getInt(0), m -> new HashSet<>()).add(row.getString(1));
        }
        List<Object[]> rows = new ArrayList<>();
        voted.forEach((member, bills) -> {
            int rank = 0;
            for (String bill : byPopularity) {
                if (rank < k && !bills.contains(bill)) {
                    rows.add(new Object[] {member, bill, ++rank});
                }
            }
        });
        return Tables.of("member:integer,bill:string,rank:integer", rows.toArray(Object[][]::new));
    }
}
