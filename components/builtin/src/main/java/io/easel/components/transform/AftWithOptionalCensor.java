package io.easel.components.transform;

import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.AFTSurvivalRegression;
import org.apache.spark.ml.regression.AFTSurvivalRegressionModel;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;

/**
 * Spark's {@code AFTSurvivalRegression}, where the censor column may be absent from the training rows: every row is
 * then an observed event (censor 1), as for data without censoring. Spark itself insists on the column.
 */
public final class AftWithOptionalCensor extends AFTSurvivalRegression {

    public AftWithOptionalCensor() {
        this(Identifiable.randomUID("easelAft"));
    }

    /** For Spark's copy, which creates the estimator by reflection. */
    public AftWithOptionalCensor(String uid) {
        super(uid);
    }

    @Override
    public AFTSurvivalRegressionModel fit(Dataset<?> dataset) {
        boolean censorGiven = Arrays.asList(dataset.columns()).contains(getCensorCol());
        return super.fit(censorGiven ? dataset : dataset.withColumn(getCensorCol(), lit(1.0)));
    }

    @Override
    public AftWithOptionalCensor copy(ParamMap extra) {
        return (AftWithOptionalCensor) defaultCopy(extra);
    }
}
