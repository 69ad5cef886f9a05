package io.easel.components.builtin.regression;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;

/**
 * The training facts a regressor shows with its model, in order. A number Spark could not compute (NaN, e.g. an
 * objective without iterations) is left out rather than shown as meaningless.
 */
final class TrainingFacts {

    private final Map<String, Object> facts = new LinkedHashMap<>();

    private TrainingFacts() {}

    static TrainingFacts of() {
        return new TrainingFacts();
    }

    /** The facts of a linear predictor: how many coefficients, how many are not zero, the intercept. */
    static TrainingFacts linear(Vector coefficients, double intercept) {
        return of().put("coefficients", coefficients.size())
                .put("nonZeroCoefficients", coefficients.numNonzeros())
                .put("intercept", intercept);
    }

    TrainingFacts put(String name, Number value) {
        if (!(value instanceof Double d) || Double.isFinite(d)) {
            facts.put(name, value);
        }
        return this;
    }

    Map<String, Object> map() {
        return facts;
    }
}
