package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import io.easel.engine.report.CallbackSender;
import io.easel.engine.testing.TestComponents;
import io.easel.run.NodeState;
import io.easel.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a node produces is checked against what its declaration promised before anything downstream sees it. */
class OutputCheckTest {

    @Test
    void shouldFailANodeWhoseOutputBreaksItsSchemaRuleIsMissingOrCannotBeExported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("people.csv"), "name,age\nAda,36\nAlan,41\n");
        Files.writeString(dir.resolve("experiment.json"), """
                {"formatVersion": 1,
                 "nodes": [
                   {"id": "liar", "component": "misdeclared-source"},
                   {"id": "afterLiar", "component": "type-conversion", "params": {"columns": ["age"]}},
                   {"id": "silent", "component": "silent-source"},
                   {"id": "unexportable", "component": "unexportable-model"},
                   {"id": "csv", "component": "read-csv", "params": {"path": "%s"}},
                   {"id": "csvAsText", "component": "type-conversion",
                    "params": {"columns": ["age"], "targetType": "string"}}
                 ],
                 "edges": [
                   {"from": {"node": "liar", "port": "out"}, "to": {"node": "afterLiar", "port": "in"}},
                   {"from": {"node": "csv", "port": "out"}, "to": {"node": "csvAsText", "port": "in"}}
                 ]}
                """.formatted(dir.resolve("people.csv")));
        EngineArguments arguments = EngineArguments.parse(new String[] {"--experiment",
                dir.resolve("experiment.json").toString(), "--run-id", "check-1", "--workspace",
                dir.resolve("ws").toString(), "--model-store", dir.resolve("models").toString(),
                "--data-root", dir.toString()}, Map.of());

        RunState state = new Engine(SharedSpark.session(), TestComponents.withBuiltins(dir.resolve("index")),
                CallbackSender.Settings.defaults()).run(arguments);

        EngineRun run = new EngineRun("check-1", state, dir.resolve("ws"), dir.resolve("models"));
        assertThat(state).isEqualTo(RunState.FAILED);
        assertThat(run.lastStatus("liar").orElseThrow()).satisfies(liar -> {
            assertThat(liar.state()).isEqualTo(NodeState.FAILED);
            assertThat(liar.message()).isEqualTo("Output 'out' of node 'liar' (misdeclared-source) has columns "
                    + "[age:string] but the component's schema rule inferred [age:integer]; the schema rule is wrong");
        });
        assertThat(run.lastStatus("afterLiar").orElseThrow().state()).isEqualTo(NodeState.SKIPPED);
        assertThat(run.lastStatus("silent").orElseThrow()).satisfies(silent -> {
            assertThat(silent.state()).isEqualTo(NodeState.FAILED);
            assertThat(silent.message()).isEqualTo(
                    "Node 'silent' (silent-source) finished without producing output 'out'");
        });
        assertThat(run.lastStatus("unexportable").orElseThrow()).satisfies(model -> {
            assertThat(model.state()).isEqualTo(NodeState.FAILED);
            assertThat(model.message()).startsWith("Cannot convert the trained pipeline of port 'model' to PMML; "
                    + "caused by: ").contains("PolynomialExpansion");
        });
        assertThat(run.exports()).isEmpty();
        // Unknown before the run (CSV types inferred when read), checked against the rule once known: it holds.
        assertThat(run.states("csvAsText")).endsWith(NodeState.SUCCEEDED);
        assertThat(run.output("csvAsText", "out").spec()).isEqualTo(TableSpec.of(
                ColumnSpec.of("name", DataType.STRING), ColumnSpec.of("age", DataType.STRING)));
    }
}
