package io.easel.components.builtin.regression;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.easel.components.learn.SupervisedLearner.Fitting;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * The label values a regressor can fit (a Poisson model counts, a survival model needs positive times), checked on
 * the training rows before fitting: Spark would refuse the first bad value deep inside a job, naming neither the
 * column nor what to do.
 *
 * @param lowest the smallest allowed value, or null
 * @param lowestAllowed whether {@code lowest} itself is allowed
 * @param highest the largest allowed value, or null
 */
record LabelRange(Double lowest, boolean lowestAllowed, Double highest) {

    static LabelRange positive() {
        return new LabelRange(0.0, false, null);
    }

    static LabelRange nonNegative() {
        return new LabelRange(0.0, true, null);
    }

    static LabelRange zeroToOne() {
        return new LabelRange(0.0, true, 1.0);
    }

    static LabelRange any() {
        return new LabelRange(null, true, null);
    }

    /**
     * @param who what needs the range, as the message says it ("the poisson family")
     * @param instead what to do when labels fall outside it
     * @throws IllegalArgumentException naming the label column, how many values are outside, and what to do
     */
    void check(Fitting fitting, String who, String instead) {
        if (lowest == null && highest == null) {
            return;
        }
        Column label = col("`" + fitting.label().name().replace("`", "``") + "`").cast("double");
        Row found = fitting.rows().agg(count(when(not(inside(label)), 1)), min(label), max(label)).first();
        long outside = found.getLong(0);
        if (outside > 0) {
            throw new IllegalArgumentException(fitting.componentId() + ": " + who + " needs labels " + text()
                    + ", but label column '" + fitting.label().name() + "' has " + outside + " other value"
                    + (outside == 1 ? "" : "s") + " (its values range from " + found.get(1) + " to " + found.get(2)
                    + "); " + instead);
        }
    }

    private Column inside(Column label) {
        Column inside = org.apache.spark.sql.functions.lit(true);
        if (lowest != null) {
            inside = inside.and(lowestAllowed ? label.geq(lowest) : label.gt(lowest));
        }
        if (highest != null) {
            inside = inside.and(label.leq(highest));
        }
        return inside;
    }

    String text() {
        if (highest != null) {
            return "from " + number(lowest) + " to " + number(highest);
        }
        return (lowestAllowed ? "≥ " : "> ") + number(lowest);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
