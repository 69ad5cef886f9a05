package io.easel.components.builtin.evaluation;

import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.OneVsRestModel;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.regression.AFTSurvivalRegressionModel;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressionModel;

/**
 * What a fitted model says about each slot of its feature vector: tree models their normalised impurity gain (Spark's
 * {@code featureImportances}, adding up to 1), linear models the size of their coefficient. A coefficient is per unit
 * of its feature, so sizes compare fairly between features on similar scales (one-hot categories, standardized
 * columns).
 *
 * @param importances one per slot, larger is more important
 * @param coefficients the signed coefficient of each slot, or null where there is not one per slot (trees, a
 *     multinomial model's one per class, one model per class of one-vs-rest)
 */
record FeatureWeights(double[] importances, double[] coefficients) {

    /** The weights of the first stage that has them, if any does. */
    static Optional<FeatureWeights> of(Transformer[] stages) {
        return Arrays.stream(stages).map(FeatureWeights::of).flatMap(Optional::stream).findFirst();
    }

    private static Optional<FeatureWeights> of(Transformer stage) {
        return Optional.ofNullable(switch (stage) {
            case GBTClassificationModel m -> trees(m.featureImportances());
            case RandomForestClassificationModel m -> trees(m.featureImportances());
            case DecisionTreeClassificationModel m -> trees(m.featureImportances());
            case GBTRegressionModel m -> trees(m.featureImportances());
            case RandomForestRegressionModel m -> trees(m.featureImportances());
            case DecisionTreeRegressionModel m -> trees(m.featureImportances());
            case LogisticRegressionModel m -> m.coefficientMatrix().numRows() == 1
                    ? linear(m.coefficients())
                    : perClass(m.coefficientMatrix());
            case LinearSVCModel m -> linear(m.coefficients());
            case LinearRegressionModel m -> linear(m.coefficients());
            case GeneralizedLinearRegressionModel m -> linear(m.coefficients());
            case AFTSurvivalRegressionModel m -> linear(m.coefficients());
            case OneVsRestModel m -> meanOver(m.models());
            default -> null;
        });
    }

    private static FeatureWeights trees(Vector importances) {
        return new FeatureWeights(importances.toArray(), null);
    }

    private static FeatureWeights linear(Vector coefficients) {
        double[] signed = coefficients.toArray();
        return new FeatureWeights(Arrays.stream(signed).map(Math::abs).toArray(), signed);
    }

    /** A multinomial model: the mean size of a feature's coefficients over the classes. */
    private static FeatureWeights perClass(Matrix coefficients) {
        double[] mean = new double[coefficients.numCols()];
        for (int slot = 0; slot < mean.length; slot++) {
            for (int c = 0; c < coefficients.numRows(); c++) {
                mean[slot] += Math.abs(coefficients.apply(c, slot)) / coefficients.numRows();
            }
        }
        return new FeatureWeights(mean, null);
    }

    /** One-vs-rest: the mean importance over its per-class models, when they have weights. */
    private static FeatureWeights meanOver(ClassificationModel<?, ?>[] models) {
        double[] mean = null;
        for (ClassificationModel<?, ?> model : models) {
            Optional<FeatureWeights> weights = of(model);
            if (weights.isEmpty()) {
                return null;
            }
            double[] importances = weights.get().importances();
            mean = mean == null ? new double[importances.length] : mean;
            for (int slot = 0; slot < mean.length; slot++) {
                mean[slot] += importances[slot] / models.length;
            }
        }
        return mean == null ? null : new FeatureWeights(mean, null);
    }

    int size() {
        return importances.length;
    }

    /** The signed coefficient of a slot, or null. */
    Double coefficient(int slot) {
        return coefficients == null ? null : coefficients[slot];
    }
}
