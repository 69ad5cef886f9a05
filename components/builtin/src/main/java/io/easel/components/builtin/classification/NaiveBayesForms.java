package io.easel.components.builtin.classification;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;

import io.easel.components.learn.SupervisedLearner.Fitting;
import java.util.List;
import org.apache.spark.ml.classification.NaiveBayesModel;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Matrices;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * What Spark's count-based naive Bayes models need of their features, and the one form of them that exports.
 *
 * <p>JPMML-SparkML 3.2.0 converts only multinomial naive Bayes (a softmax over {@code pi + theta·x}). The other
 * two are that same form with other numbers: Bernoulli scores {@code pi + Σ log(1 - p) + x·(theta - log(1 - p))},
 * and complement scores {@code theta·x} (its normalisation changes no probability). So each is kept as the
 * multinomial model with those numbers, which predicts the same probabilities in Spark and converts to PMML.
 */
final class NaiveBayesForms {

    private static final String MULTINOMIAL = "multinomial";
    private static final String BERNOULLI = "bernoulli";

    private NaiveBayesForms() {}

    /**
     * Refuses, naming the column, features Spark would refuse row by row in the middle of training: negative
     * values, or for Bernoulli values other than 0 and 1.
     */
    static void checkFeatures(Fitting fitting) {
        boolean bernoulli = BERNOULLI.equals(fitting.params().get(NaiveBayesClassifier.MODEL_TYPE));
        Column value = col("value");
        Column unfit = bernoulli ? value.notEqual(0).and(value.notEqual(1)) : value.lt(0);
        List<Row> offending = fitting.featureVectors()
                .select(posexplode(functions.vector_to_array(col(fitting.featureVectors().columns()[0]), "float64"))
                        .as(new String[] {"slot", "value"}))
                .filter(unfit)
                .groupBy("slot").agg(count(value), min(value))
                .orderBy("slot")
                .limit(1)
                .collectAsList();
        if (offending.isEmpty()) {
            return;
        }
        Row first = offending.getFirst();
        String feature = fitting.slots().get(first.getInt(0));
        String where = fitting.componentId() + ": feature '" + feature + "' has " + first.getLong(1) + " ";
        if (bernoulli) {
            throw new IllegalArgumentException(where + "values other than 0 and 1 (e.g. " + first.getDouble(2)
                    + "); Bernoulli naive Bayes takes 0/1 features only (text columns become 0/1 by themselves; "
                    + "missing numbers filled with the mean are fractions: fill them with the median). Leave the "
                    + "column out of 'featureColumns', binarize it first, or choose another 'modelType'");
        }
        throw new IllegalArgumentException(where + "negative values (lowest " + first.getDouble(2) + "); "
                + "multinomial and complement naive Bayes take counts, which are never negative. Leave the column "
                + "out of 'featureColumns', shift or bin it first, or use gaussian-naive-bayes for measurements");
    }

    /** The fitted model as the multinomial model that scores the same (see the class comment). */
    static NaiveBayesModel asMultinomial(NaiveBayesModel fitted) {
        if (fitted.getModelType().equals(MULTINOMIAL)) {
            return fitted;
        }
        boolean bernoulli = fitted.getModelType().equals(BERNOULLI);
        Matrix theta = fitted.theta();
        int classes = theta.numRows();
        int slots = theta.numCols();
        // complement naive Bayes has no prior term
        double[] intercepts = bernoulli ? fitted.pi().toArray() : new double[classes];
        double[] weights = new double[classes * slots];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < slots; j++) {
                double logPresent = theta.apply(c, j);
                double logAbsent = bernoulli ? Math.log1p(-Math.exp(logPresent)) : 0;
                weights[c * slots + j] = logPresent - logAbsent;
                intercepts[c] += logAbsent;
            }
        }
        NaiveBayesModel equivalent = new NaiveBayesModel(fitted.uid(), new DenseVector(intercepts),
                new DenseMatrix(classes, slots, weights, true), Matrices.zeros(0, 0));
        // the same uid makes the fitted model's params this model's params
        ParamMap params = fitted.extractParamMap().put(equivalent.modelType(), MULTINOMIAL);
        return equivalent.copy(params);
    }
}
