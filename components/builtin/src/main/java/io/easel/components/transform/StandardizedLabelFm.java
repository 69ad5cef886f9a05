package io.easel.components.transform;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.stddev_pop;

import java.util.Arrays;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.FMRegressionModel;
import org.apache.spark.ml.regression.FMRegressor;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spark's {@code FMRegressor}, fitted on the label standardized (centred when an intercept is fitted, scaled to unit
 * standard deviation) and returning the equivalent model of the original label. Spark's optimizers move each weight
 * by about the step size per iteration, so a label in the hundreds would take hundreds of iterations just to reach
 * its mean; standardized, the defaults fit any label's scale.
 *
 * <p>The returned model is a plain {@code FMRegressionModel}: with {@code y = m + s·f(x)} and
 * {@code f(x) = b + w·x + Σ⟨vᵢ, vⱼ⟩ xᵢ xⱼ}, its intercept is {@code m + s·b}, its linear weights {@code s·w} and its
 * factors {@code √s·v}.
 */
public final class StandardizedLabelFm extends FMRegressor {

    public StandardizedLabelFm() {
        this(Identifiable.randomUID("easelFm"));
    }

    /** For Spark's copy, which creates the estimator by reflection. */
    public StandardizedLabelFm(String uid) {
        super(uid);
    }

    @Override
    public FMRegressionModel train(Dataset<?> dataset) {
        String label = getLabelCol();
        Row stats = dataset.agg(avg(col(label)), stddev_pop(col(label))).first();
        double mean = getFitIntercept() ? stats.getDouble(0) : 0;
        double deviation = stats.getDouble(1) > 0 ? stats.getDouble(1) : 1;
        FMRegressionModel fitted = super.train(dataset.withColumn(label,
                col(label).minus(mean).divide(deviation)));
        FMRegressionModel model = new FMRegressionModel(fitted.uid(), mean + deviation * fitted.intercept(),
                scaled(fitted.linear(), deviation), scaled(fitted.factors(), Math.sqrt(deviation)));
        return fitted.copyValues(model, ParamMap.empty()).setParent(this);
    }

    @Override
    public StandardizedLabelFm copy(ParamMap extra) {
        return (StandardizedLabelFm) defaultCopy(extra);
    }

    private static Vector scaled(Vector vector, double factor) {
        return Vectors.dense(Arrays.stream(vector.toArray()).map(v -> v * factor).toArray());
    }

    private static Matrix scaled(Matrix matrix, double factor) {
        return new DenseMatrix(matrix.numRows(), matrix.numCols(),
                Arrays.stream(matrix.toArray()).map(v -> v * factor).toArray());
    }
}
