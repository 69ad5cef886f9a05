package io.easel.server.deployment.compiled;

import java.util.HashMap;
import java.util.Map;

/**
 * Every text the PMML names (categories, set members, constants), numbered, so that records carry text as a
 * {@code double} and the trees compare numbers. A text the PMML never names equals none of them: it gets
 * {@link #UNNAMED}. Filled at compilation, read-only while scoring.
 */
final class TextCodes {

    static final double UNNAMED = -1;

    private final Map<String, Double> codes = new HashMap<>();

    /** The code of a text named by the PMML, numbering it if new. Compilation only. */
    double name(String text) {
        return codes.computeIfAbsent(text, t -> (double) codes.size());
    }

    double of(String text) {
        Double code = codes.get(text);
        return code == null ? UNNAMED : code;
    }
}
