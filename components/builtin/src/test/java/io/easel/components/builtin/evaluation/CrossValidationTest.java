package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import io.easel.graph.GraphValidator;
import io.easel.graph.ValidationError;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private static final List<String> CLASSIFIER_OUTPUTS = List.of("prediction", "probability", "score");

    @Test
    void shouldCrossValidateGbdtOnCreditHoldingEveryRowOutExactlyOnceWithTheClassesShares() {
        TestRun run = TestRun.example(CrossValidation.ID, 0);
        ReportData report = run.report(ExampleGraph.NODE, "report");
        Dataset<Row> out = run.table(ExampleGraph.NODE, "out").rows().persist();
        Dataset<Row> credit = TestRun.dataset("credit_g").rows();

        // reached: AUC 0.75 ± 0.03 over 3 folds, with 5 trees of depth 3
        assertThat(report.metrics()).containsEntry("metric", "auc").containsEntry("folds", 3)
                .containsEntry("rows", 1000L).containsKeys("prAucMean", "accuracyMean", "f1Mean", "logLossMean");
        assertThat((Double) report.metrics().get("mean")).isBetween(0.68, 0.85)
                .isEqualTo(report.metrics().get("aucMean"));
        assertThat((Double) report.metrics().get("std")).isGreaterThan(0).isLessThan(0.1);
        assertThat(table(report, "perFold").get("rows")).asList().hasSize(3);
        assertThat(table(report, "summary").get("rows")).asList().hasSize(5);
        assertThat(out.columns()).endsWith("prediction", "probability", "score", "fold");
        Dataset<Row> heldOut = out.drop(CLASSIFIER_OUTPUTS.toArray(String[]::new)).drop("fold");
        assertThat(heldOut.exceptAll(credit).count()).as("rows that are not credit_g's").isZero();
        assertThat(credit.exceptAll(heldOut).count()).as("rows of credit_g held out in no fold").isZero();
        List<Row> perFold = out.groupBy("fold", "class").count().orderBy("fold", "class").collectAsList();
        assertThat(perFold).extracting(r -> r.getInt(0)).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(perFold).filteredOn(r -> r.getString(1).equals("bad")).extracting(r -> r.getLong(2))
                .as("300 bad risks, 100 per fold").containsOnly(100L);
    }

    @Test
    void shouldCrossValidateALinearRegressionOnDiabetesByRmse() {
        ReportData report = TestRun.example(CrossValidation.ID, 1).report(ExampleGraph.NODE, "report");

        // reached: RMSE 56.5 ± 4.2, R² 0.46 (the diabetes data's usual figures for a linear model)
        assertThat(report.metrics()).containsEntry("metric", "rmse").containsEntry("rows", 442L)
                .containsKeys("maeMean", "r2Mean").doesNotContainKey("aucMean");
        assertThat((Double) report.metrics().get("mean")).isBetween(50.0, 62.0);
        assertThat((Double) report.metrics().get("r2Mean")).isBetween(0.35, 0.6);
        assertThat((Double) report.metrics().get("std")).isGreaterThan(0);
    }

    @Test
    void shouldScoreEachFoldWithTheModelTrainedOnTheOtherFolds() {
        TestRun run = TestRun.example(CrossValidation.ID, 1);
        TableData out = run.table(ExampleGraph.NODE, "out");
        ModelData onEveryRow = run.model(run.nodeOf("linear-regression"), "model");
        Dataset<Row> rows = out.rows().withColumnRenamed("prediction", "outOfFold");

        ModelData withoutFold1 = (ModelData) TestRun.execute("linear-regression",
                Map.of("labelColumn", "progression"),
                Map.of("in", out.withRows(rows.filter(col("fold").notEqual(1)).drop("outOfFold", "fold"))))
                .get("model");

        List<Row> fold1 = onEveryRow.score(withoutFold1.score(rows.filter(col("fold").equalTo(1)))
                .withColumnRenamed("prediction", "retrained")).collectAsList();
        assertThat(fold1).hasSizeBetween(130, 165);
        for (Row row : fold1) {
            assertThat(row.<Double>getAs("outOfFold")).isCloseTo(row.getAs("retrained"), within(1e-9));
        }
        assertThat(fold1).as("the model trained on every row predicts otherwise")
                .anyMatch(r -> Math.abs(r.<Double>getAs("outOfFold") - r.<Double>getAs("prediction")) > 0.01);
    }

    @Test
    void shouldCrossValidateAClusteringBySilhouette() {
        TestRun run = TestRun.example(CrossValidation.ID, 2);
        ReportData report = run.report(ExampleGraph.NODE, "report");

        // reached: 0.72 ± 0.09 on held-out thirds of iris (0.74 on the rows k-means trained on)
        assertThat(report.metrics()).containsEntry("metric", "silhouette").containsEntry("rows", 150L);
        assertThat((Double) report.metrics().get("mean")).isGreaterThan(0.6);
        assertThat(run.table(ExampleGraph.NODE, "out").rows().columns()).endsWith("cluster", "fold");
    }

    @Test
    void shouldRefuseAModelThatCannotBeTrainedAgain() {
        TestRun run = TestRun.example(CrossValidation.ID, 1);
        ModelData model = run.model(run.nodeOf("linear-regression"), "model");
        ModelData withoutTrainer = new ModelData(model.spec(), model.lineage(), model.pipeline(), model.labels(),
                model.metrics());

        assertThatThrownBy(() -> TestRun.execute(CrossValidation.ID, Map.of(),
                Map.of("model", withoutTrainer, "in", TestRun.dataset("diabetes"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cross-validation").hasMessageContaining("'linear-regression'")
                .hasMessageContaining("cannot be trained again");
    }

    @Test
    void shouldRefuseAtValidationAMetricMeantForAnotherKindOfLearner() {
        var validation = new GraphValidator(TestRun.REGISTRY.catalog()).validate(TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", "credit_g"))
                .node("gbdt", "gbdt-classifier", Map.of("labelColumn", "class"))
                .node("cv", CrossValidation.ID, Map.of("metric", "rmse"))
                .edge("data.out", "gbdt.in").edge("gbdt.model", "cv.model").edge("data.out", "cv.in")
                .build());

        assertThat(validation.errorsOf("cv")).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ValidationError.Code.INVALID_PARAM);
            assertThat(e.param()).isEqualTo("metric");
            assertThat(e.message()).contains("'rmse' is meant for regression models").contains("'gbdt-classifier'")
                    .contains("auto, auc, prAuc, accuracy, f1, weightedPrecision, weightedRecall, logLoss");
        });
    }

    @Test
    void shouldRefuseAucOfThreeClassesWhenTheRunFindsThem() {
        var graph = TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", "iris"))
                .node("lr", "logistic-regression", Map.of("labelColumn", "species"))
                .node("cv", CrossValidation.ID, Map.of("metric", "auc"))
                .edge("data.out", "lr.in").edge("lr.model", "cv.model").edge("data.out", "cv.in")
                .build();

        assertThatThrownBy(() -> TestRun.of(graph)).hasMessageContaining("param 'metric' is 'auc'")
                .hasMessageContaining("a classifier of 3 classes")
                .hasMessageContaining("use one of accuracy, f1, weightedPrecision, weightedRecall, logLoss or auto");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(ReportData report, String chart) {
        return (Map<String, Object>) report.charts().get(chart);
    }
}
