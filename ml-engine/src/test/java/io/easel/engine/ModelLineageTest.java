package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.ComponentRegistry;
import io.easel.engine.testing.TestComponents;
import io.easel.graph.PortRef;
import io.easel.engine.report.EngineJson;
import io.easel.run.ModelDescription;
import io.easel.run.ModelLineage;
import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lineage a model export carries, on the credit-scoring example experiment with German credit read from a file:
 * the file with its real size and time, the nodes upstream of the model in order with their params as bound, the
 * software versions and the checksum of the PMML written; and the same lineage when a later run reuses every output.
 */
class ModelLineageTest {

    private static final String SAMPLE_SOURCE = "\"component\": \"sample-dataset\", \"version\": 1, "
            + "\"label\": \"German credit\",\n     \"params\": {\"dataset\": \"credit_g\"}";
    private static final String FILE_SOURCE = "\"component\": \"read-csv\", \"version\": 1, "
            + "\"label\": \"German credit\",\n     \"params\": {\"path\": \"${dataDir}/credit.csv\"}";

    private static Path root;
    private static Path csv;
    private static ComponentRegistry components;
    private static EngineRun first;

    @BeforeAll
    static void runTheExperimentOnAFile() throws IOException {
        Path runs = Files.createDirectories(Path.of("target", "test-runs").toAbsolutePath());
        root = Files.createTempDirectory(runs, "lineage-");
        components = TestComponents.withBuiltins(root.resolve("components"));
        csv = root.resolve("credit.csv");
        try (InputStream in = ModelLineageTest.class.getResourceAsStream(
                "/io/easel/components/datasets/credit_g.csv")) {
            Files.write(csv, in.readAllBytes());
        }
        String example = EngineRun.resource("experiments/credit-scoring.json");
        assertThat(example).contains(SAMPLE_SOURCE);
        first = EngineRun.ofJson(example.replace(SAMPLE_SOURCE, FILE_SOURCE), "lineage-1", root, components);
        assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void shouldNameTheSourceFileWithItsRealSizeAndModificationTime() throws IOException {
        ModelLineage.Step source = lineage(first).steps().getFirst();

        assertThat(source.node()).isEqualTo("data");
        assertThat(source.component()).isEqualTo("read-csv");
        assertThat(source.params()).containsEntry("path", csv.toString()).containsEntry("header", true);
        assertThat(source.inputs()).isEmpty();
        assertThat(source.data().fileCount()).isEqualTo(1);
        assertThat(source.data().files()).singleElement().satisfies(file -> {
            assertThat(Path.of(URI.create(file.path()))).isEqualTo(csv);
            assertThat(file.size()).isEqualTo(Files.size(csv)).isGreaterThan(100_000);
            assertThat(file.modifiedAt()).isEqualTo(Files.getLastModifiedTime(csv).toMillis());
        });
    }

    @Test
    void shouldListTheNodesUpstreamOfTheModelInOrderWithTheirParamsAsBound() {
        ModelLineage lineage = lineage(first);

        assertThat(lineage.node()).isEqualTo("gbdt");
        // predict, evaluate and importance come after the model: not part of where it came from.
        assertThat(lineage.steps()).extracting(ModelLineage.Step::node)
                .containsExactly("data", "convert", "split", "gbdt");
        ModelLineage.Step convert = lineage.steps().get(1);
        assertThat(convert.params()).containsEntry("columns", List.of("duration", "credit_amount", "age"))
                .containsEntry("targetType", "double");
        assertThat(convert.inputs()).isEqualTo(Map.of("in", new PortRef("data", "out")));
        assertThat(convert.data()).isNull();
        ModelLineage.Step split = lineage.steps().get(2);
        assertThat(split.component()).isEqualTo("random-split");
        assertThat(split.params()).containsEntry("fraction", 0.85).containsEntry("seed", 42);
        ModelLineage.Step gbdt = lineage.steps().get(3);
        assertThat(gbdt.component()).isEqualTo("gbdt-classifier");
        assertThat(gbdt.version()).isEqualTo(1);
        // The user set the label; the defaults are recorded as bound too.
        assertThat(gbdt.params()).containsEntry("labelColumn", "class").containsEntry("maxIter", 20)
                .containsEntry("stepSize", 0.1);
        assertThat(gbdt.inputs()).isEqualTo(Map.of("in", new PortRef("split", "train")));
    }

    @Test
    void shouldCarryTheChecksumOfThePmmlWrittenAndTheVersionsThatMadeIt() throws Exception {
        RunEvent.ModelExported exported = first.exports().getFirst();
        byte[] written = Files.readAllBytes(Path.of(URI.create(exported.uri())));

        assertThat(exported.lineage().pmmlSha256()).isEqualTo(sha256(written)).hasSize(64);
        assertThat(exported.lineage().versions()).isEqualTo(new ModelLineage.Versions("4.0.1", "3.2.0",
                exported.lineage().versions().easel()));
        assertThat(exported.lineage().versions().easel()).isNotBlank().isNotEqualTo("unknown");
        // status.json keeps the export as the events reported it, lineage included, and model.json beside the PMML.
        assertThat(first.status().models()).containsExactly(exported);
        ModelDescription description = EngineJson.mapper().readValue(Path.of(URI.create(exported.uri()))
                .resolveSibling("model.json").toFile(), ModelDescription.class);
        assertThat(description.lineage()).isEqualTo(exported.lineage());
    }

    @Test
    void shouldRecordTheSameLineageWhenALaterRunReusesEveryOutput() throws Exception {
        EngineRun again = EngineRun.ofJson(EngineRun.resource("experiments/credit-scoring.json")
                .replace(SAMPLE_SOURCE, FILE_SOURCE), "lineage-2", root, components, "--previous-run", "lineage-1");

        assertThat(again.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(again.lastStatus("gbdt").orElseThrow()).satisfies(status -> {
            assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED);
            assertThat(status.reusedFrom()).isEqualTo("lineage-1");
        });
        ModelLineage lineage = lineage(again);
        assertThat(lineage.steps()).isEqualTo(lineage(first).steps());
        assertThat(lineage.pmmlSha256()).isEqualTo(sha256(Files.readAllBytes(
                Path.of(URI.create(again.exports().getFirst().uri())))));
    }

    private static ModelLineage lineage(EngineRun run) {
        assertThat(run.exports()).hasSize(1);
        ModelLineage lineage = run.exports().getFirst().lineage();
        assertThat(lineage).as("lineage of the export").isNotNull();
        return lineage;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
