package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ModelData;
import io.easel.engine.report.CallbackSender;
import io.easel.engine.testing.TestComponents;
import io.easel.run.NodeState;
import io.easel.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with no PMML form although its learner exports (it takes a vector column made by a step with no PMML form)
 * is kept, says why among its facts and is not exported, instead of failing its node.
 */
class UnexportableModelTest {

    @Test
    void shouldKeepAModelTrainedOnHashedFeaturesAndSayWhyItIsNotExported(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("colour,size,label\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 60; i++) {
            csv.append(colours[i % 3]).append(',').append(i % 7).append(',').append(i % 3 == 0 ? "yes" : "no")
                    .append('\n');
        }
        Files.writeString(dir.resolve("things.csv"), csv);
        Files.writeString(dir.resolve("experiment.json"), """
                {"formatVersion": 1,
                 "nodes": [
                   {"id": "csv", "component": "read-csv", "params": {"path": "%s"}},
                   {"id": "hash", "component": "feature-hash",
                    "params": {"columns": ["colour", "size"], "numFeatures": 16}},
                   {"id": "learn", "component": "logistic-regression",
                    "params": {"labelColumn": "label", "featureColumns": ["hashed"]}}
                 ],
                 "edges": [
                   {"from": {"node": "csv", "port": "out"}, "to": {"node": "hash", "port": "in"}},
                   {"from": {"node": "hash", "port": "out"}, "to": {"node": "learn", "port": "in"}}
                 ]}
                """.formatted(dir.resolve("things.csv")));
        EngineArguments arguments = EngineArguments.parse(new String[] {"--experiment",
                dir.resolve("experiment.json").toString(), "--run-id", "hash-1", "--workspace",
                dir.resolve("ws").toString(), "--model-store", dir.resolve("models").toString(),
                "--data-root", dir.toString()}, Map.of());

        RunState state = new Engine(SharedSpark.session(), TestComponents.withBuiltins(dir.resolve("index")),
                CallbackSender.Settings.defaults()).run(arguments);

        EngineRun run = new EngineRun("hash-1", state, dir.resolve("ws"), dir.resolve("models"));
        assertThat(state).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.states("learn")).endsWith(NodeState.SUCCEEDED);
        assertThat(run.exports()).isEmpty();
        assertThat(run.output("learn", "model").location()).isNull();
        assertThat((String) run.output("learn", "model").metrics().get(ModelData.NOT_EXPORTED_FACT))
                .contains("vector column 'hashed'", "'Feature hasher', node hash");
    }
}
