package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.ModelSpec;
import io.easel.component.TableSpec;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recommendation end to end, with every table written to the workspace and read back between nodes: ALS on 80% of
 * the yea votes, the top five bills for each member scored against the held-back votes, and FP-growth rules applied
 * to the held-back rows. The models have no PMML, so nothing is exported, and they still flow to the nodes after.
 */
class RecommendationExperimentTest {

    @Test
    void shouldRecommendScoreAndMineRulesWithoutExportingAModel(@TempDir Path root) {
        EngineRun run = EngineRun.of("experiments/recommendation.json", "recommend-1", root, null);

        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        for (String node : List.of("yeas", "split", "als", "recommend", "evaluate", "scoreHeldBack", "rules",
                "basket")) {
            assertThat(run.lastStatus(node).orElseThrow().state()).as(node).isEqualTo(NodeState.SUCCEEDED);
        }
        assertThat(run.exports()).isEmpty();
        PortResult model = run.output("als", "model");
        assertThat(model.spec()).isEqualTo(new ModelSpec("als", null, List.of(ColumnSpec.of("member",
                DataType.INTEGER), ColumnSpec.of("bill", DataType.STRING)), List.of(ColumnSpec.of("prediction",
                DataType.DOUBLE))));
        assertThat(model.metrics()).containsEntry("items", 16);
        // the rated bills, read back from the published training table, are left out: no member gets more than 5
        PortResult recommended = run.output("recommend", "out");
        assertThat(recommended.spec()).isEqualTo(TableSpec.parse("member:integer,bill:string,score:double,"
                + "rank:integer"));
        assertThat(recommended.rowCount()).isBetween(5L * 400, 5L * 434);
        assertThat(((Number) run.output("evaluate", "report").metrics().get("ndcgAtK")).doubleValue())
                .isGreaterThan(0.7);
        assertThat(((TableSpec) run.output("scoreHeldBack", "out").spec()).columnNames()).containsExactly("member",
                "party", "bill", "prediction");
        assertThat(((TableSpec) run.output("basket", "out").spec()).column("recommendedItems"))
                .contains(ColumnSpec.of("recommendedItems", DataType.STRING));
        assertThat(run.output("rules", "rules").rowCount()).isPositive();
    }
}
