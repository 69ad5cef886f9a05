package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import io.easel.components.spi.ModelData;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text chains through the engine, with word lists written to the workspace and read back between nodes: a classifier
 * on TF-IDF of counted words is exported taking raw text, one on hashed words is not (feature hashing has no PMML
 * form), and says why in its facts, while the run succeeds.
 */
class TextModelExportTest {

    @Test
    void shouldExportTheCountedWordsModelFromRawTextAndNotTheHashedOne(@TempDir Path dir) {
        EngineRun run = EngineRun.of("experiments/text-models.json", "text-1", dir, null);

        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(((TableSpec) run.output("stop", "out").spec()).column("words"))
                .contains(ColumnSpec.of("words", DataType.TOKENS));
        assertThat(run.exports()).extracting(RunEvent.ModelExported::nodeId).containsExactly("bayes");
        assertThat(run.exports().getFirst().inputs()).extracting(ColumnSpec::name).containsExactly("word", "gloss");
        assertThat(run.output("hashedBayes", "model").location()).isNull();
        assertThat((String) run.output("hashedBayes", "model").metrics().get(ModelData.NOT_EXPORTED_FACT))
                .contains("'Hashing term frequency' (node hashing)", "feature hashing is not part of PMML");
    }
}
