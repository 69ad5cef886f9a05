package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ColumnSpec;
import io.easel.components.spi.ModelData;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained downstream of a step with no PMML form (here a join) is exported taking the records as they come
 * out of that step, and says so in its facts, naming the node, for the deploy side to show.
 */
class InputBoundaryExportTest {

    @Test
    void shouldExportAModelTrainedAfterAJoinNamingTheJoinAsWhereItsInputComesFrom(@TempDir Path dir) {
        EngineRun run = EngineRun.of("experiments/joined-model.json", "joined-1", dir, null);

        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        RunEvent.ModelExported tree = run.exports().getFirst();
        assertThat(tree.inputs()).extracting(ColumnSpec::name)
                .containsExactly("member", "bill", "member_right", "party_right", "bill_right");
        assertThat(tree.metrics()).containsEntry(ModelData.INPUT_BOUNDARY_NODE_FACT, "j");
        assertThat((String) tree.metrics().get(ModelData.INPUT_BOUNDARY_FACT))
                .contains("as they come out of 'Join' (node j)");
    }
}
