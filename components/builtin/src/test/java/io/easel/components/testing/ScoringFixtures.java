package io.easel.components.testing;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes the PMML fixtures of the server's compiled-scoring tests: real Easel learners trained on the bundled
 * datasets, exported the way the engine's {@code PmmlExporter} exports them. Not a test: it runs only when asked,
 * {@code -Deasel.fixtures.write=<directory>} (e.g. {@code server/src/test/resources/models/compiled}), and writes
 * {@code <directory>/<fixture>/model.pmml}. One-vs-rest has no PMML form (JPMML-SparkML converts no
 * {@code OneVsRestModel}), so the multiclass tree models are the iris tree and forest.
 */
@EnabledIfSystemProperty(named = "easel.fixtures.write", matches = ".+")
class ScoringFixtures {

    record Fixture(String name, String dataset, String learner, Map<String, Object> params) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("breast-cancer-gbdt", "breast_cancer", "gbdt-classifier",
                        Map.of("labelColumn", "malignant", "maxIter", 100)),
                new Fixture("credit-random-forest", "credit_g", "random-forest-classifier",
                        Map.of("labelColumn", "class", "numTrees", 20)),
                new Fixture("iris-decision-tree", "iris", "decision-tree-classifier",
                        Map.of("labelColumn", "species")),
                new Fixture("iris-random-forest", "iris", "random-forest-classifier",
                        Map.of("labelColumn", "species", "numTrees", 10)),
                new Fixture("diabetes-gbt-regressor", "diabetes", "gbt-regressor",
                        Map.of("labelColumn", "progression", "maxIter", 30)),
                new Fixture("diabetes-random-forest", "diabetes", "random-forest-regressor",
                        Map.of("labelColumn", "progression", "numTrees", 10)),
                new Fixture("diabetes-decision-tree", "diabetes", "decision-tree-regressor",
                        Map.of("labelColumn", "progression")),
                new Fixture("credit-logistic-regression", "credit_g", "logistic-regression",
                        Map.of("labelColumn", "class")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void write(Fixture fixture) throws Exception {
        TableData data = TestRun.dataset(fixture.dataset());
        ModelData model = (ModelData) TestRun.execute(fixture.learner(), fixture.params(), Map.of("in", data))
                .get("model");
        Pmml pmml = Pmml.convert(PmmlParity.scoringSchema(model), model.scoringPipelineFromRaw());
        Path directory = Path.of(System.getProperty("easel.fixtures.write"), fixture.name());
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("model.pmml"), pmml.xml(), StandardCharsets.UTF_8);
    }
}
