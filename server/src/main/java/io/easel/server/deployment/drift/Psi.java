package io.easel.server.deployment.drift;

/**
 * The population stability index of one feature: {@code Σ (a − e) · ln(a / e)} over its bins, where {@code e} is a
 * bin's share of the training records and {@code a} its share of the served ones. 0 when the two agree; by the usual
 * rule of thumb, below 0.1 no change, 0.1 to 0.2 a moderate one, from 0.2 a shift worth a look. A share of 0 is taken
 * as {@value #EMPTY_SHARE}, so that an empty bin on one side gives a large but finite term rather than infinity.
 */
public final class Psi {

    /** The share an empty bin counts with. */
    public static final double EMPTY_SHARE = 1e-4;

    private Psi() {}

    /**
     * @param expected the training shares per bin
     * @param actual the served shares per bin, as many as {@code expected}
     */
    public static double of(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException(
                    "Expected " + expected.length + " bins, but the served shares have " + actual.length);
        }
        double psi = 0;
        for (int bin = 0; bin < expected.length; bin++) {
            double e = Math.max(expected[bin], EMPTY_SHARE);
            double a = Math.max(actual[bin], EMPTY_SHARE);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }
}
