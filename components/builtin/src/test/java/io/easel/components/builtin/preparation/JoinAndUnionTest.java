package io.easel.components.builtin.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class JoinAndUnionTest {

    private static final TableData YEAS = TestRun.dataset("vote_yeas");
    private static final TableData CRIME = Prep.out("filter-rows", Map.of("condition", "bill = 'crime'"), YEAS);
    private static final TableData IMMIGRATION = Prep.out("filter-rows", Map.of("condition",
            "bill = 'immigration'"), YEAS);

    @Test
    void shouldJoinAsManyRowsAsAHandCountOfMatchingKeys() {
        List<Row> crime = Prep.rows(CRIME);
        List<Row> immigration = Prep.rows(IMMIGRATION);
        Map<Object, Long> immigrationPerMember = immigration.stream()
                .collect(Collectors.groupingBy(r -> r.getAs("member"), Collectors.counting()));
        long inner = crime.stream().mapToLong(r -> immigrationPerMember.getOrDefault(r.getAs("member"), 0L)).sum();
        long unmatchedLeft = crime.stream().filter(r -> !immigrationPerMember.containsKey(r.getAs("member"))).count();
        Set<Object> crimeMembers = crime.stream().map(r -> r.getAs("member")).collect(Collectors.toSet());
        long unmatchedRight = immigration.stream().filter(r -> !crimeMembers.contains(r.getAs("member"))).count();

        assertThat(inner).isPositive();
        assertThat(unmatchedLeft).isPositive();
        assertThat(join("inner").rows().count()).isEqualTo(inner);
        assertThat(join("left").rows().count()).isEqualTo(inner + unmatchedLeft);
        assertThat(join("right").rows().count()).isEqualTo(inner + unmatchedRight);
        assertThat(join("full").rows().count()).isEqualTo(inner + unmatchedLeft + unmatchedRight);
    }

    @Test
    void shouldSuffixTheRightColumnsWhoseNamesClash() {
        TableData joined = join("inner");

        assertThat(Prep.columns(joined)).containsExactly("member", "party", "bill", "member_right", "party_right",
                "bill_right");
        assertThat(joined.rows().filter("member <> member_right OR bill <> 'crime' OR bill_right <> 'immigration'")
                .count()).isZero();
    }

    @Test
    void shouldStartANewLineageThatNamesTheJoinAndReachesTrainedModels() {
        TableData joined = join("inner");

        assertThat(joined.lineage().inputBoundary()).contains(new FeatureLineage.InputBoundary("join", "Join"));
        assertThat(joined.lineage().rawSchema()).isEqualTo(joined.rows().schema());
        assertThat(joined.lineage().steps()).isEmpty();
        ModelData model = (ModelData) TestRun.execute("decision-tree-classifier", Map.of("labelColumn", "party",
                "featureColumns", List.of("party_right"), "maxDepth", 2), Map.of("in", joined)).get("model");
        assertThat(model.metrics()).containsEntry(ModelData.INPUT_BOUNDARY_NODE_FACT, "join");
        assertThat((String) model.metrics().get(ModelData.INPUT_BOUNDARY_FACT))
                .contains("as they come out of 'Join' (node join)");
    }

    @Test
    void shouldExportAModelTrainedOnJoinedRecordsThatTakesTheJoinedRecords() throws Exception {
        TableData joined = join("left");
        ModelData model = (ModelData) TestRun.execute("logistic-regression", Map.of("labelColumn", "party",
                "featureColumns", List.of("party_right", "member")), Map.of("in", joined)).get("model");

        PmmlParity.assertSparkAndPmmlAgree(model, joined.rows(), "logistic regression after a join");
    }

    @Test
    void shouldRefuseKeyListsOfDifferentLengths() {
        assertThatThrownBy(() -> Prep.out("join", Map.of("leftKeys", List.of("member", "party"),
                "rightKeys", List.of("member"), "how", "inner"), Map.of("left", CRIME, "right", IMMIGRATION)))
                .hasMessageContaining("'leftKeys'").hasMessageContaining("'rightKeys'");
    }

    @Test
    void shouldSplitTheLeftRowsIntoMatchedAndUnmatchedOnesOnceEach() {
        TableData matched = match("matched");
        TableData unmatched = match("unmatched");

        assertThat(matched.rows().count() + unmatched.rows().count()).isEqualTo(CRIME.rows().count());
        assertThat(matched.rows().count()).isEqualTo(join("inner").rows().select("member").distinct().count());
        assertThat(Prep.columns(matched)).containsExactly("member", "party", "bill");
        assertThat(matched.lineage()).isEqualTo(CRIME.lineage());
    }

    @Test
    void shouldStackRowsByNameConvertingToTheFirstTablesTypes() {
        TableData reordered = Prep.out("select-columns", Map.of("columns", List.of("bill", "party", "member")),
                IMMIGRATION);
        TableData union = Prep.out("union", Map.of(), Map.of("first", CRIME, "second", reordered));

        assertThat(union.rows().count()).isEqualTo(CRIME.rows().count() + IMMIGRATION.rows().count());
        assertThat(union.rows().schema()).isEqualTo(CRIME.rows().schema());
        Map<Object, Long> bills = new HashMap<>();
        Prep.rows(union).forEach(r -> bills.merge(r.getAs("bill"), 1L, Long::sum));
        assertThat(bills).containsOnlyKeys("crime", "immigration");
        assertThat(Prep.out("union", Map.of("distinct", true), Map.of("first", CRIME, "second", CRIME)).rows()
                .count()).isEqualTo(CRIME.rows().distinct().count());
    }

    @Test
    void shouldRefuseToStackTablesWithOtherColumns() {
        TableData fewer = Prep.out("drop-columns", Map.of("columns", List.of("party")), IMMIGRATION);

        assertThatThrownBy(() -> Prep.out("union", Map.of(), Map.of("first", CRIME, "second", fewer)))
                .hasMessageContaining("missing [party]");
    }

    private static TableData join(String how) {
        return Prep.out("join", Map.of("leftKeys", List.of("member"), "rightKeys", List.of("member"), "how", how),
                Map.of("left", CRIME, "right", IMMIGRATION));
    }

    private static TableData match(String keep) {
        return Prep.out("match-rows", Map.of("leftKeys", List.of("member"), "rightKeys", List.of("member"),
                "keep", keep), Map.of("left", CRIME, "right", IMMIGRATION));
    }
}
