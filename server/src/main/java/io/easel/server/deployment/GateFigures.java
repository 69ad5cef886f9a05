package io.easel.server.deployment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a gate writes its figures: short, yet never showing two different figures as the same number. */
public final class GateFigures {

    private static final int SHORT = 4;
    private static final int MOST = 17;

    private GateFigures() {}

    /** {@code value} to at most four decimals, without trailing zeros: 0.8123, 3, 0.05. */
    public static String format(double value) {
        return rounded(value, SHORT);
    }

    /**
     * {@code value} to as many decimals as tell it from {@code other} (at least four): 0.7715 and 0.7716 stay short,
     * 0.77152 against 0.77149 become 0.77152 and 0.77149.
     */
    public static String format(double value, double other) {
        for (int decimals = SHORT; decimals < MOST; decimals++) {
            if (!rounded(value, decimals).equals(rounded(other, decimals))) {
                return rounded(value, decimals);
            }
        }
        return BigDecimal.valueOf(value).toPlainString();
    }

    private static String rounded(double value, int decimals) {
        String text = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}
