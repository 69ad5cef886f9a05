package io.easel.studio.editor;

import java.text.NumberFormat;
import java.util.Locale;

/** How metric values read: whole numbers grouped, fractions to four places. */
final class MetricFormat {

    private MetricFormat() {}

    static String format(Object value, Locale locale) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return NumberFormat.getIntegerInstance(locale).format((long) d);
            }
            return fraction(d, locale);
        }
        return value == null ? "∅" : value.toString();
    }

    /** A number to four places, whole or not. */
    static String fraction(double value, Locale locale) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        NumberFormat fraction = NumberFormat.getNumberInstance(locale);
        fraction.setMinimumFractionDigits(4);
        fraction.setMaximumFractionDigits(4);
        return fraction.format(value);
    }
}
