package io.easel.components.transform;

import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.GeneralizedLinearRegression;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;

/**
 * Spark's {@code GeneralizedLinearRegression}, fitting an {@link ExportableGlmModel}: the same model, which converts
 * to PMML for every family and link Spark fits.
 */
public final class ExportableGlm extends GeneralizedLinearRegression {

    public ExportableGlm() {
        this(Identifiable.randomUID("easelGlm"));
    }

    /** For Spark's copy, which creates the estimator by reflection. */
    public ExportableGlm(String uid) {
        super(uid);
    }

    @Override
    public ExportableGlmModel train(Dataset<?> dataset) {
        return ExportableGlmModel.of(super.train(dataset));
    }

    /** Spark copies the estimator's params onto the model after {@link #train}, the offset column among them. */
    @Override
    public ExportableGlmModel fit(Dataset<?> dataset) {
        return ((ExportableGlmModel) super.fit(dataset)).withoutOffset();
    }

    @Override
    public ExportableGlm copy(ParamMap extra) {
        return (ExportableGlm) defaultCopy(extra);
    }
}
