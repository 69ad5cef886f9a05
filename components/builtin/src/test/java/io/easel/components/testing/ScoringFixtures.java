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
 * Writes the PMML fixtures of the server's compiled-scoring tests: every learner of the catalog whose model exports
 * to PMML, trained on a bundled dataset (some after feature steps), exported the way the engine's
 * {@code PmmlExporter} exports them. Not a test: it runs only when asked, {@code -Deasel.fixtures.write=<directory>}
 * (e.g. {@code server/src/test/resources/models/compiled}), and writes {@code <directory>/<fixture>/model.pmml} and
 * {@code fixture.properties} (the learner and the dataset, which the server's tests read); with
 * {@code -Deasel.fixtures.only=<name>,<name>} only those fixtures. One-vs-rest has no PMML
 * form (JPMML-SparkML converts no {@code OneVsRestModel}), so the multiclass tree models are the iris tree and forest.
 */
@EnabledIfSystemProperty(named = "easel.fixtures.write", matches = ".+")
class ScoringFixtures {

    /** A component applied to the dataset before the learner, as a feature node upstream of it would be. */
    record Step(String component, Map<String, Object> params) {}

    record Fixture(String name, String dataset, List<Step> steps, String learner, Map<String, Object> params) {

        Fixture(String name, String dataset, String learner, Map<String, Object> params) {
            this(name, dataset, List.of(), learner, params);
        }

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
                        Map.of("labelColumn", "class")),
                // feature steps in front of trees: filled text, which the compiler translates…
                new Fixture("credit-prepared-random-forest", "credit_g", List.of(
                        // text: filling a whole-number column converts its type, and the learner's assembly
                        // converts it again, which the PMML export refuses
                        new Step("fill-missing", Map.of("columns", List.of("purpose", "housing"),
                                "strategy", "mode"))),
                        "random-forest-classifier", Map.of("labelColumn", "class", "numTrees", 5, "maxDepth", 3,
                                "featureColumns", List.of("duration", "credit_amount", "age", "purpose",
                                        "housing", "checking_status"))),
                // …and indexed, one-hot and scaled inputs (MapValues, equal, arithmetic), which it translates too
                new Fixture("credit-indexed-random-forest", "credit_g", List.of(
                        new Step("string-index", Map.of("columns", List.of("purpose", "housing"))),
                        new Step("one-hot-encode", Map.of("columns", List.of("checking_status"))),
                        new Step("scale", Map.of("columns", List.of("duration", "credit_amount")))),
                        "random-forest-classifier", Map.of("labelColumn", "class", "numTrees", 5, "maxDepth", 3,
                                "featureColumns", List.of("duration", "credit_amount", "age", "purpose_index",
                                        "housing_index", "checking_status_onehot"))),
                new Fixture("credit-indexed-gbdt", "credit_g", List.of(
                        new Step("string-index", Map.of("columns", List.of("purpose", "housing", "savings_status"))),
                        new Step("one-hot-encode", Map.of("columns", List.of("checking_status", "personal_status"))),
                        new Step("scale", Map.of("columns", List.of("duration", "credit_amount")))),
                        "gbdt-classifier", Map.of("labelColumn", "class", "maxIter", 20, "maxDepth", 3,
                                "featureColumns", List.of("duration", "credit_amount", "age", "purpose_index",
                                        "housing_index", "savings_status_index", "checking_status_onehot",
                                        "personal_status_onehot"))),
                new Fixture("credit-indexed-decision-tree", "credit_g", List.of(
                        new Step("string-index", Map.of("columns", List.of("purpose", "credit_history"))),
                        new Step("one-hot-encode", Map.of("columns", List.of("checking_status", "savings_status")))),
                        "decision-tree-classifier", Map.of("labelColumn", "class", "maxDepth", 5,
                                "featureColumns", List.of("duration", "credit_amount", "age", "purpose_index",
                                        "credit_history_index", "checking_status_onehot",
                                        "savings_status_onehot"))),
                new Fixture("diabetes-scaled-gbt-regressor", "diabetes", List.of(
                        new Step("scale", Map.of("columns", List.of("bmi", "bp", "s5"), "method", "min-max"))),
                        "gbt-regressor", Map.of("labelColumn", "progression", "maxIter", 20)),
                new Fixture("breast-cancer-linear-svm", "breast_cancer", "linear-svm",
                        Map.of("labelColumn", "malignant", "maxIter", 50)),
                new Fixture("iris-multilayer-perceptron", "iris", "multilayer-perceptron",
                        Map.of("labelColumn", "species", "hiddenLayers", "5", "maxIter", 50)),
                new Fixture("credit-naive-bayes", "credit_g", "naive-bayes",
                        Map.of("labelColumn", "class")),
                new Fixture("diabetes-generalized-linear-regression", "diabetes", List.of(
                        new Step("scale", Map.of("columns", List.of("bmi", "bp"), "method", "min-max"))),
                        "generalized-linear-regression", Map.of("labelColumn", "progression", "family", "poisson")),
                new Fixture("diabetes-isotonic-regression", "diabetes", "isotonic-regression",
                        Map.of("labelColumn", "progression", "featureColumns", List.of("bmi"))),
                new Fixture("diabetes-linear-regression", "diabetes", "linear-regression",
                        Map.of("labelColumn", "progression")),
                new Fixture("iris-k-means", "iris", "k-means",
                        Map.of("k", 3, "featureColumns", List.of("sepal_length_cm", "sepal_width_cm",
                                "petal_length_cm", "petal_width_cm"))));
    }

    /** The fixtures to write: all of them, or only those {@code -Deasel.fixtures.only=<name>,<name>} names. */
    static List<Fixture> selected() {
        String only = System.getProperty("easel.fixtures.only", "");
        List<String> names = List.of(only.split(","));
        return fixtures().stream().filter(fixture -> only.isBlank() || names.contains(fixture.name())).toList();
    }

    @ParameterizedTest
    @MethodSource("selected")
    void write(Fixture fixture) throws Exception {
        TableData data = TestRun.dataset(fixture.dataset());
        for (Step step : fixture.steps()) {
            data = (TableData) TestRun.execute(step.component(), step.params(), Map.of("in", data)).get("out");
        }
        ModelData model = (ModelData) TestRun.execute(fixture.learner(), fixture.params(), Map.of("in", data))
                .get("model");
        Pmml pmml = Pmml.convert(PmmlParity.scoringSchema(model), model.scoringPipelineFromRaw());
        Path directory = Path.of(System.getProperty("easel.fixtures.write"), fixture.name());
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("model.pmml"), pmml.xml(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("fixture.properties"), "# written by ScoringFixtures\nlearner="
                + fixture.learner() + "\ndataset=" + fixture.dataset() + "\n", StandardCharsets.UTF_8);
    }
}
