package io.easel.components.learn;

import io.easel.component.BoundParams;
import io.easel.component.Param;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.FloatParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.ParamMap;

/**
 * Hands a learner's params to its Spark estimator by name, for params named as Spark names them ({@code maxDepth},
 * {@code regParam} …), so that a learner with many of Spark's params does not repeat a setter chain per estimator.
 */
public final class SparkParams {

    private SparkParams() {}

    /**
     * A copy of {@code estimator} with each of {@code params} set to its bound value, converted to the Spark param's
     * number type (an integer for a Spark {@code long} seed, say).
     *
     * @throws IllegalStateException when the estimator has no param of that name: a declaration mistake
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <E extends Estimator<?>> E set(E estimator, BoundParams bound, Param<?>... params) {
        ParamMap values = new ParamMap();
        for (Param<?> param : params) {
            if (!estimator.hasParam(param.name())) {
                throw new IllegalStateException(estimator.getClass().getSimpleName() + " has no param '"
                        + param.name() + "'");
            }
            org.apache.spark.ml.param.Param spark = estimator.getParam(param.name());
            Object value = bound.get(param);
            if (value != null) {
                values.put(spark, sparkValue(spark, value));
            }
        }
        return (E) estimator.copy(values);
    }

    /** A copy of {@code estimator} with Spark's param {@code name} set to {@code value}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <E extends Estimator<?>> E set(E estimator, String name, Object value) {
        org.apache.spark.ml.param.Param spark = estimator.getParam(name);
        return (E) estimator.copy(new ParamMap().put(spark, sparkValue(spark, value)));
    }

    private static Object sparkValue(org.apache.spark.ml.param.Param<?> spark, Object value) {
        if (value instanceof Number number) {
            return switch (spark) {
                case IntParam i -> number.intValue();
                case LongParam l -> number.longValue();
                case FloatParam f -> number.floatValue();
                case DoubleParam d -> number.doubleValue();
                default -> value;
            };
        }
        return value;
    }
}
