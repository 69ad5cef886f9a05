package io.easel.components.builtin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Scenarios;
import io.easel.components.testing.TestRun;
import io.easel.components.testing.TestSpark;
import io.easel.graph.ExampleGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.OneVsRestModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureImportanceTest {

    @Test
    void shouldRankEveryCreditFeatureOfAGbdtByItsShareOfTheGain() {
        TestRun run = Scenarios.credit();
        List<Row> rows = run.table("importance", "out").rows().collectAsList();

        List<String> creditColumns = List.of(run.table("data", "out").rows().columns());
        assertThat(rows).hasSize(20).extracting(r -> r.getString(0))
                .allMatch(creditColumns::contains).doesNotContain("class");
        assertThat(rows).extracting(r -> r.getDouble(1)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(rows.stream().mapToDouble(r -> r.getDouble(1)).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(rows.get(0).getDouble(1)).isGreaterThan(rows.get(19).getDouble(1));
        assertThat(rows).allMatch(r -> r.isNullAt(2), "trees have no coefficient");
    }

    @Test
    void shouldGiveEachOneHotCategoryOfALogisticRegressionItsSignedCoefficient() {
        TestRun run = TestRun.example(FeatureImportance.ID, 1);
        ModelData model = run.model(upstreamOf(run), "model");
        Vector coefficients = model.stage(LogisticRegressionModel.class).orElseThrow().coefficients();
        List<Row> rows = run.table(ExampleGraph.NODE, "out").rows().collectAsList();

        assertThat(rows).hasSize(model.slots().size()).hasSize(coefficients.size());
        assertThat(rows).extracting(r -> r.getString(0)).contains("purpose=radio/tv", "duration")
                .containsExactlyInAnyOrderElementsOf(model.slots());
        for (Row row : rows) {
            double coefficient = coefficients.apply(model.slots().indexOf(row.getString(0)));
            assertThat(row.getDouble(2)).as(row.getString(0)).isEqualTo(coefficient);
            assertThat(row.getDouble(1)).as(row.getString(0)).isEqualTo(Math.abs(coefficient));
        }
        assertThat(rows).extracting(r -> r.getDouble(1)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(rows.getFirst().getDouble(1)).isGreaterThan(0.0);
    }

    @Test
    void shouldTakeTheMeanCoefficientSizeOverTheClassesOfAMultinomialModel() {
        ModelData model = train("logistic-regression", Map.of("labelColumn", "species"), "iris");
        Matrix coefficients = model.stage(LogisticRegressionModel.class).orElseThrow().coefficientMatrix();

        List<Row> rows = importances(model);

        assertThat(coefficients.numRows()).isEqualTo(3);
        assertThat(rows).hasSize(4).allMatch(r -> r.isNullAt(2), "no single signed coefficient");
        for (Row row : rows) {
            int slot = model.slots().indexOf(row.getString(0));
            double mean = (Math.abs(coefficients.apply(0, slot)) + Math.abs(coefficients.apply(1, slot))
                    + Math.abs(coefficients.apply(2, slot))) / 3;
            assertThat(row.getDouble(1)).as(row.getString(0)).isCloseTo(mean, within(1e-12));
        }
        assertThat(rows).extracting(r -> r.getDouble(1)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void shouldTakeTheMeanImportanceOverTheModelsOfOneVsRest() {
        ModelData model = train("one-vs-rest", Map.of("labelColumn", "species"), "iris");
        OneVsRestModel perClass = model.stage(OneVsRestModel.class).orElseThrow();

        List<Row> rows = importances(model);

        assertThat(rows).hasSize(4).allMatch(r -> r.isNullAt(2));
        for (Row row : rows) {
            int slot = model.slots().indexOf(row.getString(0));
            double mean = java.util.Arrays.stream(perClass.models())
                    .mapToDouble(m -> Math.abs(((LogisticRegressionModel) m).coefficients().apply(slot)))
                    .average().orElseThrow();
            assertThat(row.getDouble(1)).as(row.getString(0)).isCloseTo(mean, within(1e-12));
        }
    }

    @Test
    void shouldRankTheFeaturesOfRegressorsByTheirCoefficientsOrTheirGain() {
        ModelData linear = train("linear-regression", Map.of("labelColumn", "progression"), "diabetes");
        ModelData glm = train("generalized-linear-regression", Map.of("labelColumn", "progression",
                "family", "poisson"), "diabetes");
        ModelData tree = train("decision-tree-regressor", Map.of("labelColumn", "progression"), "diabetes");

        for (ModelData model : List.of(linear, glm)) {
            Vector coefficients = model.stage(org.apache.spark.ml.regression.LinearRegressionModel.class)
                    .map(m -> m.coefficients())
                    .orElseGet(() -> model.stage(org.apache.spark.ml.regression.GeneralizedLinearRegressionModel.class)
                            .orElseThrow().coefficients());
            List<Row> rows = importances(model);
            assertThat(rows).as(model.spec().algorithm()).hasSize(10)
                    .extracting(r -> r.getDouble(1)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            for (Row row : rows) {
                double coefficient = coefficients.apply(model.slots().indexOf(row.getString(0)));
                assertThat(row.getDouble(2)).as(row.getString(0)).isEqualTo(coefficient);
                assertThat(row.getDouble(1)).isEqualTo(Math.abs(coefficient));
            }
        }
        List<Row> gains = importances(tree);
        assertThat(gains).hasSize(10).allMatch(r -> r.isNullAt(2));
        assertThat(gains.stream().mapToDouble(r -> r.getDouble(1)).sum()).isCloseTo(1.0, within(1e-9));
        // the body mass index is one of the strongest signs of diabetes progression
        assertThat(gains.subList(0, 3)).extracting(r -> r.getString(0)).contains("bmi");
    }

    @Test
    void shouldKeepTheMostImportantFirstWhenStoredAsSeveralFilesAndReadBack(@TempDir Path dir) throws IOException {
        TableData importances = TestRun.example(FeatureImportance.ID, 1).table(ExampleGraph.NODE, "out");
        String stored = dir.resolve("importances").toString();
        // several files of similar size: Spark reads them back largest first, whatever their names
        importances.rows().repartition(4).write().parquet(stored);

        TableData readBack = importances.readBack(TestSpark.session().read().parquet(stored));

        try (Stream<Path> files = Files.list(Path.of(stored))) {
            assertThat(files.filter(f -> f.toString().endsWith(".parquet")).count()).isGreaterThan(1);
        }
        assertThat(readBack.rows().collectAsList()).containsExactlyElementsOf(importances.rows().collectAsList());
        assertThat(readBack.rows().limit(5).collectAsList()).extracting(r -> r.getDouble(1))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void shouldSayWhatToUseForAModelWithoutImportances() {
        ModelData bayes = train("naive-bayes", Map.of("labelColumn", "species"), "iris");

        assertThatThrownBy(() -> importances(bayes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'naive-bayes'").hasMessageContaining("neither feature importances nor "
                        + "coefficients")
                .hasMessageContaining("train a tree model");
    }

    private static ModelData train(String learner, Map<String, Object> params, String dataset) {
        return TestRun.of(TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", dataset))
                .node("learner", learner, params)
                .edge("data.out", "learner.in")
                .build()).model("learner", "model");
    }

    private static List<Row> importances(ModelData model) {
        TableData out = (TableData) TestRun.execute(FeatureImportance.ID, Map.of(), Map.of("model", model)).get("out");
        return out.rows().collectAsList();
    }

    private static String upstreamOf(TestRun run) {
        return run.graph().edgesInto(ExampleGraph.NODE).getFirst().from().node();
    }
}
