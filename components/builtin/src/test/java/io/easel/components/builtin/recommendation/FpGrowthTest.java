package io.easel.components.builtin.recommendation;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class FpGrowthTest {

    /** Four baskets with items; a blank and a missing one, which are no transaction. */
    private static final TableData BASKETS = Tables.of("basket:string", new Object[] {"bread / milk"},
            new Object[] {" bread/butter /milk "}, new Object[] {"milk"}, new Object[] {"bread / bread / eggs"},
            new Object[] {" "}, new Object[] {null});

    private static final Map<String, Object> SLASHES = Map.of("itemsColumn", "basket", "separator", "other",
            "separatorOther", "/", "minSupport", 0.5, "minConfidence", 0.6);

    @Test
    void shouldFindEveryItemsetAndRuleThatCountingTheVotesFinds() {
        TestRun run = TestRun.example("fp-growth", 0);
        List<Row> itemsets = run.table(ExampleGraph.NODE, "itemsets").rows().collectAsList();
        List<Row> rules = run.table(ExampleGraph.NODE, "rules").rows().collectAsList();
        List<Set<String>> baskets = yeasByMember(TestRun.dataset("vote").rows().collectAsList());
        Map<Set<String>, Long> counted = frequentItemsets(baskets, 0.3);

        // 434 members voted yea at least once; 91 itemsets reach 30% of them
        assertThat(baskets).hasSize(434);
        assertThat(itemsets).hasSize(counted.size()).hasSize(91);
        for (Row itemset : itemsets) {
            Set<String> items = parse(itemset.getString(0));
            assertThat(itemset.getLong(2)).as(itemset.getString(0)).isEqualTo(counted.get(items));
            assertThat(itemset.getInt(1)).isEqualTo(items.size());
            assertThat(itemset.getDouble(3)).isCloseTo(counted.get(items) / 434.0, within(1e-12));
        }
        assertThat(itemsets).extracting(r -> r.getLong(2)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        Map<String, double[]> expected = rules(counted, 434, 0.9);
        assertThat(rules).hasSize(expected.size());
        for (Row rule : rules) {
            double[] stats = expected.get(key(parse(rule.getString(0)), parse(rule.getString(1))));
            assertThat(stats).as(rule.getString(0) + " => " + rule.getString(1)).isNotNull();
            assertThat(rule.getDouble(2)).isCloseTo(stats[0], within(1e-12));
            assertThat(rule.getDouble(3)).isCloseTo(stats[1], within(1e-12));
            assertThat(rule.getDouble(4)).isCloseTo(stats[2], within(1e-12));
        }
        assertThat(rules.getFirst().getString(0)).isEqualTo("crime, physician_fee_freeze, "
                + "religious_groups_in_schools");
        assertThat(rules.getFirst().getString(1)).isEqualTo("el_salvador_aid");
    }

    @Test
    void shouldReadBasketsFromATextColumnCountingEachItemOnce() {
        Map<String, Object> out = TestRun.execute("fp-growth", SLASHES, Map.of("in", BASKETS));

        List<Row> itemsets = ((TableData) out.get("itemsets")).rows().collectAsList();
        List<Row> rules = ((TableData) out.get("rules")).rows().collectAsList();
        // transactions {bread, milk}, {bread, butter, milk}, {milk}, {bread, eggs}: 2 of 4 needed
        assertThat(itemsets).extracting(Row::toString)
                .containsExactly("[bread,1,3,0.75]", "[milk,1,3,0.75]", "[bread / milk,2,2,0.5]");
        // confidence 2/3, lift (2/3) / (3/4)
        assertThat(rules).extracting(r -> r.getString(0) + " => " + r.getString(1))
                .containsExactly("bread => milk", "milk => bread");
        assertThat(rules.getFirst().getDouble(2)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(rules.getFirst().getDouble(3)).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(rules.getFirst().getDouble(4)).isCloseTo(0.5, within(1e-12));
        assertThat(((ModelData) out.get("model")).metrics()).containsEntry("transactions", 4L)
                .containsEntry("itemsets", 3L).containsEntry("rules", 2L);
    }

    @Test
    void shouldRecommendWhatTheRulesAddToEachBasket() {
        ModelData text = (ModelData) TestRun.execute("fp-growth", SLASHES, Map.of("in", BASKETS)).get("model");
        TableData orders = Tables.of("order:long,product:string", new Object[] {1L, "bread"},
                new Object[] {1L, "eggs"}, new Object[] {2L, "milk"}, new Object[] {3L, "tea"},
                new Object[] {null, "bread"});
        ModelData lines = (ModelData) TestRun.execute("fp-growth", Map.of("format", "long", "transactionColumn",
                "order", "itemColumn", "product", "minSupport", 0.25, "minConfidence", 0.5), Map.of("in", orders))
                .get("model");

        List<Row> scored = text.score(Tables.of("basket:string", new Object[] {"bread"},
                new Object[] {"milk / bread"}, new Object[] {"eggs"}, new Object[] {null}).rows()).collectAsList();

        assertThat(text.spec().features()).containsExactly(ColumnSpec.of("basket", DataType.STRING));
        assertThat(scored).extracting(r -> r.getString(1)).containsExactly("milk", "", "", "");
        assertThat(lines.spec().features()).containsExactly(ColumnSpec.of("order", DataType.LONG),
                ColumnSpec.of("product", DataType.STRING));
        // order 1 held bread and eggs, so each of its rows gets what goes with either; order 3's tea goes with nothing
        Map<String, String> byRow = new HashMap<>();
        lines.score(orders.rows()).collectAsList().forEach(r -> byRow.put(r.get(0) + " " + r.get(1), r.getString(2)));
        assertThat(byRow).containsEntry("1 bread", "").containsEntry("1 eggs", "").containsEntry("2 milk", "")
                .containsEntry("3 tea", "").containsEntry("null bread", "eggs");
    }

    @Test
    void shouldSayWhenNoTransactionHasAnItem() {
        assertThatThrownBy(() -> TestRun.execute("fp-growth", Map.of("itemsColumn", "basket"), Map.of("in",
                Tables.of("basket:string", new Object[] {" "}, new Object[] {null}))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no transaction with an item in [basket]");
    }

    /** Each member's yea bills, straight from vote.csv; members without a yea are no transaction. */
    private static List<Set<String>> yeasByMember(List<Row> votes) {
        List<Set<String>> baskets = new ArrayList<>();
        for (Row member : votes) {
            Set<String> yeas = new TreeSet<>();
            for (int i = 0; i < member.length() - 1; i++) {
                if ("y".equals(member.getString(i))) {
                    yeas.add(member.schema().fields()[i].name());
                }
            }
            if (!yeas.isEmpty()) {
                baskets.add(yeas);
            }
        }
        return baskets;
    }

    /** Every subset of every basket, counted; those in at least {@code minSupport} of the baskets. */
    private static Map<Set<String>, Long> frequentItemsets(List<Set<String>> baskets, double minSupport) {
        Map<Set<String>, Long> counts = new HashMap<>();
        for (Set<String> basket : baskets) {
            List<String> items = new ArrayList<>(basket);
            for (int mask = 1; mask < 1 << items.size(); mask++) {
                Set<String> subset = new TreeSet<>();
                for (int i = 0; i < items.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        subset.add(items.get(i));
                    }
                }
                counts.merge(subset, 1L, Long::sum);
            }
        }
        long needed = (long) Math.ceil(minSupport * baskets.size());
        counts.values().removeIf(c -> c < needed);
        return counts;
    }

    /** Rules with one consequent item, as Spark forms them: confidence, lift and support by antecedent ⇒ item. */
    private static Map<String, double[]> rules(Map<Set<String>, Long> frequent, int transactions,
            double minConfidence) {
        Map<String, double[]> rules = new HashMap<>();
        frequent.forEach((itemset, count) -> {
            for (String consequent : itemset) {
                Set<String> antecedent = new TreeSet<>(itemset);
                antecedent.remove(consequent);
                if (antecedent.isEmpty()) {
                    continue;
                }
                double confidence = (double) count / frequent.get(antecedent);
                if (confidence >= minConfidence) {
                    double lift = confidence / ((double) frequent.get(Set.of(consequent)) / transactions);
                    rules.put(key(antecedent, Set.of(consequent)), new double[] {confidence, lift,
                            (double) count / transactions});
                }
            }
        });
        return rules;
    }

    private static String key(Set<String> antecedent, Set<String> consequent) {
        return antecedent + " => " + consequent;
    }

    private static Set<String> parse(String items) {
        return Set.of(items.split(", ")).stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
