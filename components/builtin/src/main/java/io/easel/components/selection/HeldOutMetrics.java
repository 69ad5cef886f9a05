package io.easel.components.selection;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ModelData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.mllib.evaluation.RegressionMetrics;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Measures a model on rows it did not see with Spark's evaluators: it scores the rows, and for classifiers turns the
 * label and the prediction into the index of the class among the model's classes (the order of its probabilities),
 * which is what the evaluators read. Rows without a label are not measured, nor rows of a class the model was not
 * trained on (a class too rare to be in every fold's training rows), which it cannot give a probability.
 */
final class HeldOutMetrics {

    private static final String LABEL_INDEX = ModelData.INTERNAL_PREFIX + "label_index";
    private static final String PREDICTION_INDEX = ModelData.INTERNAL_PREFIX + "prediction_index";
    private static final String LABEL_VALUE = ModelData.INTERNAL_PREFIX + "label_value";
    private static final double LOG_LOSS_EPSILON = 1e-15;

    private HeldOutMetrics() {}

    /** The metrics of a model on some rows, and how many rows they were measured on. */
    record Measured(long rows, Map<ModelMetric, Double> values) {
        Measured {
            values = Map.copyOf(values);
        }
    }

    /**
     * @param rows held-out rows with the columns the model reads (and, for a supervised model, its label)
     * @throws IllegalArgumentException when there is nothing to measure on
     */
    static Measured measure(String componentId, ModelTask task, ModelData model, Dataset<Row> rows,
            List<ModelMetric> metrics) {
        Dataset<Row> prepared = (task == ModelTask.CLUSTERING ? assigned(componentId, model, rows)
                : scored(task, model, rows)).persist();
        try {
            long count = prepared.count();
            if (count == 0) {
                throw new IllegalArgumentException(componentId + ": a held-out part has no rows"
                        + (task == ModelTask.CLUSTERING ? "" : " with a label") + " to measure the model on; use "
                        + "fewer folds, a larger validation part or more rows");
            }
            if (task == ModelTask.CLUSTERING && prepared.select(ClusteringLearner.CLUSTER).distinct().count() < 2) {
                throw new IllegalArgumentException(componentId + ": all " + count + " rows of a held-out part fall "
                        + "in one cluster, and the silhouette compares clusters; use fewer folds or more varied rows");
            }
            return new Measured(count, values(task, prepared, metrics));
        } finally {
            prepared.unpersist();
        }
    }

    private static Dataset<Row> assigned(String componentId, ModelData model, Dataset<Row> rows) {
        return ClusteringLearner.assignWithFeatures(componentId, model, rows)
                .select(col(ClusteringLearner.FEATURES), col(ClusteringLearner.CLUSTER));
    }

    private static Dataset<Row> scored(ModelTask task, ModelData model, Dataset<Row> rows) {
        ColumnSpec label = model.spec().label();
        Column labelColumn = col(quoted(label.name()));
        Column known = labelColumn.isNotNull();
        if (label.type() == DataType.DOUBLE) {
            known = known.and(isnan(labelColumn).unary_$bang());
        }
        Dataset<Row> scored = model.score(rows).filter(known);
        if (!task.hasClasses()) {
            return scored.select(labelColumn.cast("double").as(LABEL_VALUE), col(ModelData.PREDICTION));
        }
        Column classes = array(model.labels().stream().map(l -> lit(l)).toArray(Column[]::new));
        List<Column> kept = new ArrayList<>(List.of(classIndex(classes, labelColumn).as(LABEL_INDEX),
                classIndex(classes, col(ModelData.PREDICTION)).as(PREDICTION_INDEX), col(ModelData.SCORE)));
        if (Arrays.asList(scored.columns()).contains(ModelData.PROBABILITY)) {
            kept.add(col(ModelData.PROBABILITY));
        }
        return scored.select(kept.toArray(Column[]::new)).filter(col(LABEL_INDEX).geq(0));
    }

    /** The value's place among the model's classes; -1 for a class the model never saw. */
    private static Column classIndex(Column classes, Column value) {
        return array_position(classes, value.cast("string")).minus(1).cast("double");
    }

    /**
     * Every requested metric, from one Spark metrics object per kind (each evaluator's {@code getMetrics}), since a
     * report shows them all: one pass over the rows for the class metrics, one for the ranking ones.
     */
    private static Map<ModelMetric, Double> values(ModelTask task, Dataset<Row> prepared, List<ModelMetric> metrics) {
        Map<ModelMetric, Double> values = new LinkedHashMap<>();
        switch (task) {
            case BINARY, MULTICLASS -> {
                MulticlassMetrics classes = new MulticlassClassificationEvaluator().setLabelCol(LABEL_INDEX)
                        .setPredictionCol(PREDICTION_INDEX).setProbabilityCol(ModelData.PROBABILITY)
                        // the only metric name whose metrics read the probabilities too
                        .setMetricName(metrics.contains(ModelMetric.LOG_LOSS) ? "logLoss" : "accuracy")
                        .getMetrics(prepared);
                for (ModelMetric metric : metrics) {
                    switch (metric) {
                        case ACCURACY -> values.put(metric, classes.accuracy());
                        // for two classes, the F1 score of the positive class (index 1), as binary evaluation has it
                        case F1 -> values.put(metric, task == ModelTask.BINARY ? classes.fMeasure(1.0)
                                : classes.weightedFMeasure());
                        case WEIGHTED_PRECISION -> values.put(metric, classes.weightedPrecision());
                        case WEIGHTED_RECALL -> values.put(metric, classes.weightedRecall());
                        case LOG_LOSS -> values.put(metric, classes.logLoss(LOG_LOSS_EPSILON));
                        default -> { }
                    }
                }
                if (metrics.contains(ModelMetric.AUC) || metrics.contains(ModelMetric.PR_AUC)) {
                    BinaryClassificationMetrics ranking = new BinaryClassificationEvaluator().setNumBins(0)
                            .setLabelCol(LABEL_INDEX).setRawPredictionCol(ModelData.SCORE).getMetrics(prepared);
                    try {
                        values.put(ModelMetric.AUC, ranking.areaUnderROC());
                        values.put(ModelMetric.PR_AUC, ranking.areaUnderPR());
                    } finally {
                        ranking.unpersist();
                    }
                }
            }
            case REGRESSION -> {
                RegressionMetrics errors = new RegressionEvaluator().setLabelCol(LABEL_VALUE)
                        .setPredictionCol(ModelData.PREDICTION).getMetrics(prepared);
                values.put(ModelMetric.RMSE, errors.rootMeanSquaredError());
                values.put(ModelMetric.MAE, errors.meanAbsoluteError());
                values.put(ModelMetric.R2, errors.r2());
            }
            case CLUSTERING -> values.put(ModelMetric.SILHOUETTE, new ClusteringEvaluator()
                    .setFeaturesCol(ClusteringLearner.FEATURES).setPredictionCol(ClusteringLearner.CLUSTER)
                    .evaluate(prepared));
        }
        values.keySet().retainAll(metrics);
        return values;
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
