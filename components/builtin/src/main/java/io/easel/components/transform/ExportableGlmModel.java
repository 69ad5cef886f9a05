package io.easel.components.transform;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import scala.Option;

/**
 * A fitted {@code GeneralizedLinearRegressionModel} of its own class, so that Easel's converter
 * ({@code io.easel.components.pmml.ExportableGlmModelConverter}, registered in
 * {@code META-INF/sparkml2pmml.properties}) converts it rather than JPMML-SparkML's, which does not take the tweedie
 * family and turns a binomial model into a classifier of a label it cannot find.
 *
 * <p>An offset, if one was used in training, is left out of its predictions (they are for an offset of 0), as PMML
 * and a scoring table need no offset column then.
 */
public final class ExportableGlmModel extends GeneralizedLinearRegressionModel {

    public ExportableGlmModel(String uid, Vector coefficients, double intercept) {
        super(uid, coefficients, intercept);
    }

    /** The fitted model, with its params and training summary. */
    static ExportableGlmModel of(GeneralizedLinearRegressionModel fitted) {
        ExportableGlmModel model = fitted.copyValues(new ExportableGlmModel(fitted.uid(), fitted.coefficients(),
                fitted.intercept()), ParamMap.empty());
        model.setParent(fitted.parent());
        if (fitted.hasSummary()) {
            model.setSummary(Option.apply(fitted.summary()));
        }
        return model;
    }

    /** This model predicting for an offset of 0, so that scoring reads no offset column. */
    ExportableGlmModel withoutOffset() {
        set(offsetCol(), "");
        return this;
    }

    @Override
    public ExportableGlmModel copy(ParamMap extra) {
        ExportableGlmModel copy = copyValues(new ExportableGlmModel(uid(), coefficients(), intercept()), extra);
        copy.setParent(parent());
        if (hasSummary()) {
            copy.setSummary(Option.apply(summary()));
        }
        return copy;
    }
}
