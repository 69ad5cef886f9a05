package io.easel.components.builtin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.GraphValidator;
import io.easel.graph.PmmlExports;
import io.easel.graph.PortRef;
import io.easel.graph.ValidationError;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.sql.Row;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class HyperparameterTuningTest {

    @Test
    void shouldPickTheDeeperForestOnDiabetesByAClearMarginAndTrainItOnEveryRow() {
        TestRun run = TestRun.example(HyperparameterTuning.ID, 0);
        ReportData report = run.report(ExampleGraph.NODE, "report");
        ModelData best = run.model(ExampleGraph.NODE, "best");

        // reached: RMSE 58.2 at depth 5 against 65.1 for stumps, on a validation quarter of diabetes
        assertThat(report.metrics()).containsEntry("metric", "rmse").containsEntry("bestParams", "maxDepth=5")
                .containsEntry("trials", 2).doesNotContainKey("bestStd");
        double bestRmse = (Double) report.metrics().get("best");
        assertThat(bestRmse).isBetween(45.0, 65.0).isLessThan((Double) report.metrics().get("worst") - 4);
        Map<String, Object> trials = table(report);
        assertThat(trials.get("columns")).asList().containsExactly("rank", "maxDepth", "rmse", "mae", "r2",
                "seconds");
        assertThat(trials.get("rows")).asList().extracting(r -> (Object) ((List<?>) r).subList(0, 3))
                .containsExactly(List.<Object>of(1, 5, bestRmse), List.<Object>of(2, 1, report.metrics().get("worst")));
        assertThat(report.charts().get("metricPerSetting")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsExactly(Map.entry("maxDepth=5", bestRmse),
                        Map.entry("maxDepth=1", report.metrics().get("worst")));
        RandomForestRegressionModel forest = best.stage(RandomForestRegressionModel.class).orElseThrow();
        assertThat(forest.getMaxDepth()).isEqualTo(5);
        assertThat(forest.getNumTrees()).as("the learner's own setting").isEqualTo(10);
        assertThat(best.metrics()).containsEntry("trainingRows", 442L);
        assertThat(best.trainer().params()).containsEntry("maxDepth", 5).containsEntry("numTrees", 10);
        assertThat(run.table(ExampleGraph.NODE, "bestParams").rows().collectAsList()).extracting(Row::toString)
                .containsExactly("[maxDepth,5]");
    }

    @Test
    void shouldSearchRegularizationAtRandomOnALogScaleJudgedByFolds() {
        TestRun run = TestRun.example(HyperparameterTuning.ID, 1);
        ReportData report = run.report(ExampleGraph.NODE, "report");
        ModelData best = run.model(ExampleGraph.NODE, "best");

        // reached: 0.95 accuracy (2 folds of iris) for the least regularized of the three draws, 0.87 for the others
        assertThat(report.metrics()).containsEntry("metric", "accuracy").containsEntry("trials", 3)
                .containsEntry("validation", "2-fold cross-validation").containsKey("bestStd");
        assertThat((Double) report.metrics().get("best")).isGreaterThanOrEqualTo(0.9);
        List<?> rows = (List<?>) table(report).get("rows");
        assertThat(rows).extracting(r -> (Double) ((List<?>) r).get(1))
                .allMatch(regParam -> regParam >= 0.001 && regParam <= 1).doesNotHaveDuplicates();
        assertThat(table(report).get("columns")).asList().startsWith("rank", "regParam", "accuracy", "accuracyStd");
        double chosen = (Double) ((List<?>) rows.getFirst()).get(1);
        assertThat(best.stage(LogisticRegressionModel.class).orElseThrow().getRegParam()).isEqualTo(chosen);
        assertThat(best.labels()).containsExactly("setosa", "versicolor", "virginica");
    }

    @Test
    void shouldRefuseABadSearchSpaceAtValidationNamingEachParam() {
        var validation = new GraphValidator(TestRun.REGISTRY.catalog()).validate(forest(
                "maxDepht: 3; maxDepth: 31, 4; numTrees: 2.5; labelColumn: price; featureSubsetStrategy: most"));

        List<ValidationError> errors = validation.errorsOf("tune");
        assertThat(errors).extracting(ValidationError::param).containsOnly("searchSpace");
        assertThat(errors).extracting(ValidationError::message).allMatch(m -> m.startsWith(
                "Node 'tune' (hyperparameter-tuning): param 'searchSpace': '"));
        assertThat(errors).extracting(ValidationError::message).anyMatch(m -> m.contains(
                        "'maxDepht' is not a param of 'random-forest-regressor' (it can tune numTrees, maxDepth"))
                .anyMatch(m -> m.contains("'maxDepth': 31 is out of range [0, 30]"))
                .anyMatch(m -> m.contains("'numTrees': expected a whole number but got '2.5'"))
                .anyMatch(m -> m.contains("'labelColumn' of 'random-forest-regressor' is a column param"))
                .anyMatch(m -> m.contains("'featureSubsetStrategy': 'most' is not one of [auto, all"));
        assertThat(new GraphValidator(TestRun.REGISTRY.catalog()).validate(forest("maxDepth: 2, 4; "
                + "subsamplingRate: 0.5..1")).errors()).isEmpty();
    }

    @Test
    void shouldRefuseAGridTooLargeToTrainBeforeTrainingIt() {
        assertThatThrownBy(() -> TestRun.of(forest("maxDepth: 1..30; minInstancesPerNode: 1..100; "
                + "subsamplingRate: 0.1..1; bootstrap: true, false"))).hasMessageContaining("has 2000 settings")
                .hasMessageContaining("more than the 500").hasMessageContaining("'gridPoints'");
    }

    @Test
    void shouldExportTheBestModelToPmmlExactlyWhenTheLearnersModelIs() {
        ExperimentGraph forest = forest("maxDepth: 2, 4");
        ExperimentGraph machines = TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", "diabetes"))
                .node("fm", "fm-regressor", Map.of("labelColumn", "progression"))
                .node("tune", HyperparameterTuning.ID, Map.of("searchSpace", "stepSize: 0.01, 0.1"))
                .edge("data.out", "fm.in").edge("fm.model", "tune.model").edge("data.out", "tune.in")
                .build();

        assertThat(new PmmlExports(forest, TestRun.REGISTRY.catalog()).exported(new PortRef("tune", "best")))
                .isTrue();
        assertThat(new PmmlExports(machines, TestRun.REGISTRY.catalog()).exported(new PortRef("tune", "best")))
                .isFalse();
        assertThat(new GraphValidator(TestRun.REGISTRY.catalog()).validate(machines).errors()).isEmpty();
    }

    /** The example's forest on diabetes (a node already trained in this JVM) tuned over {@code space}. */
    private static ExperimentGraph forest(String space) {
        return TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", "diabetes"))
                .node("forest", "random-forest-regressor", Map.of("labelColumn", "progression", "numTrees", 10))
                .node("tune", HyperparameterTuning.ID, Map.of("searchSpace", space, "gridPoints", 10))
                .edge("data.out", "forest.in").edge("forest.model", "tune.model").edge("data.out", "tune.in")
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(ReportData report) {
        return (Map<String, Object>) report.charts().get("trials");
    }
}
