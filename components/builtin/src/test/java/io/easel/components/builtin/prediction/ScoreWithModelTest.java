package io.easel.components.builtin.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.BoundParams;
import io.easel.components.spi.DataAccess;
import io.easel.components.spi.InputSpecs;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.NodeContext;
import io.easel.components.testing.Pmml;
import io.easel.components.testing.SampleFiles;
import io.easel.components.testing.Scenarios;
import io.easel.components.testing.TestRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreWithModelTest {

    @TempDir
    Path modelStore;

    @Test
    void shouldAppendWhatJpmmlScoresForEveryRowOfAVersionInTheModelStore() throws Exception {
        ModelData gbdt = Scenarios.credit().model("gbdt", "model");
        Pmml pmml = Pmml.convert(gbdt.lineage().rawSchema(), gbdt.scoringPipelineFromRaw());
        Path version = Files.createDirectories(modelStore.resolve("run-1/gbdt"));
        Files.writeString(version.resolve("model.pmml"), pmml.xml(), StandardCharsets.UTF_8);
        TableData credit = TestRun.dataset("credit_g");

        TableData scored = score(Map.of("model", version.resolve("model.pmml").toUri().toString()), credit);

        assertThat(Arrays.asList(scored.rows().columns())).startsWith(credit.rows().columns())
                .endsWith("prediction", "probability_good", "probability_bad");
        List<Row> rows = scored.rows().collectAsList();
        assertThat(rows).hasSize((int) credit.rows().count()).hasSize(1000);
        for (Row row : rows) {
            Map<String, ?> expected = pmml.score(row);
            assertThat(row.<String>getAs("prediction")).isEqualTo(expected.get("class"));
            assertThat(row.<Double>getAs("probability_bad"))
                    .isCloseTo((Double) expected.get("probability(bad)"), within(1e-15));
            assertThat(row.<Double>getAs("probability_good"))
                    .isCloseTo((Double) expected.get("probability(good)"), within(1e-15));
        }
    }

    @Test
    void shouldAppendOnlyThePredictionWhenProbabilitiesAreNotWanted() {
        TableData iris = TestRun.dataset("iris");

        TableData scored = score(Map.of("model", bundledIrisTree(), "probabilities", false,
                "predictionColumn", "species_predicted"), iris);

        assertThat(scored.rows().columns()).hasSize(iris.rows().columns().length + 1).endsWith("species_predicted");
        assertThat(scored.rows().filter("species_predicted = species").count())
                .as("a tree trained on all of iris gets most of it right").isGreaterThan(140);
    }

    @Test
    void shouldNameTheFieldsTheModelNeedsThatTheTableLacks() {
        TableData lacking = TestRun.dataset("iris").withRows(
                TestRun.dataset("iris").rows().drop("petal_length_cm", "petal_width_cm"));

        assertThatThrownBy(() -> score(Map.of("model", bundledIrisTree()), lacking))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads fields petal_length_cm, petal_width_cm, which input 'in' does not have");
    }

    @Test
    void shouldSayThereIsNoModelAtAnUnknownVersionsLocation() {
        String unknown = modelStore.resolve("no-such-run/gbdt/model.pmml").toUri().toString();

        assertThatThrownBy(() -> score(Map.of("model", unknown), TestRun.dataset("iris")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("score-with-model: there is no model at '" + unknown + "'");
    }

    @Test
    void shouldRefuseAModelOutsideTheModelStoreAndTheDataRoots() {
        assertThatThrownBy(() -> score(Map.of("model", "/etc/model.pmml"), TestRun.dataset("iris")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("score-with-model: param 'model': ");
    }

    @Test
    void shouldRefuseAPredictionColumnTheTableHas() {
        assertThatThrownBy(() -> score(Map.of("model", bundledIrisTree(), "predictionColumn", "species"),
                        TestRun.dataset("iris")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input 'in' already has a column 'species'");
    }

    private static String bundledIrisTree() {
        return SampleFiles.directory().resolve(io.easel.components.builtin.source.SampleFiles.IRIS_TREE_PMML)
                .toString();
    }

    /** Runs the component as the engine does, with this test's model store. */
    private TableData score(Map<String, Object> params, TableData in) {
        ScoreWithModel component = new ScoreWithModel();
        Map<String, Object> inputs = Map.of("in", in);
        BoundParams bound = InputSpecs.bind(component.descriptor(), params, inputs);
        DataAccess data = NodeContext.DATA.withModelStore(modelStore.toString());
        NodeContext context = new NodeContext("score", bound, inputs, data);
        component.execute(context);
        return (TableData) context.outputs().get("out");
    }
}
