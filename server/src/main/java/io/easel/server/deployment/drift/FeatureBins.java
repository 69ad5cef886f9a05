package io.easel.server.deployment.drift;

import io.easel.run.TrainingProfile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts a served value of one feature into the bin its training profile defines ({@link TrainingProfile.Kind}), as the
 * engine binned the training records: numbers by their quantile edges, other values compared as text with the
 * frequent categories (anything else in the "other" bin), null and NaN in the missing bin. Immutable: one instance
 * serves every request.
 */
final class FeatureBins {

    private final TrainingProfile.Feature feature;
    private final double[] edges;
    private final Map<String, Integer> categories = new HashMap<>();

    FeatureBins(TrainingProfile.Feature feature) {
        this.feature = feature;
        this.edges = feature.edges().stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < feature.categories().size(); i++) {
            categories.put(feature.categories().get(i), i);
        }
    }

    TrainingProfile.Feature feature() {
        return feature;
    }

    /** The bin of a value as a scoring request carries it (String, Number, Boolean, null). */
    int binOf(Object value) {
        if (value == null) {
            return feature.missingBin();
        }
        if (feature.kind() == TrainingProfile.Kind.CATEGORICAL) {
            return categories.getOrDefault(value instanceof String text ? text : String.valueOf(value),
                    categories.size());
        }
        double number = toDouble(value);
        if (Double.isNaN(number)) {
            return feature.missingBin();
        }
        // The first edge above the value: binarySearch gives the insertion point, or the edge's index when equal
        int found = Arrays.binarySearch(edges, number);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The value as a number; NaN (missing) for a text that is not one (scoring has refused such records by then). */
    private static double toDouble(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** What people read for bin {@code index}: "< 25", "25 – 33", "≥ 60", "radio/tv", "other", "missing". */
    String label(int index) {
        if (index == feature.missingBin()) {
            return "missing";
        }
        if (feature.kind() == TrainingProfile.Kind.CATEGORICAL) {
            return index < feature.categories().size() ? feature.categories().get(index) : "other";
        }
        if (edges.length == 0) {
            return "any value";
        }
        if (index == 0) {
            return "< " + shown(edges[0]);
        }
        if (index == edges.length) {
            return "≥ " + shown(edges[edges.length - 1]);
        }
        return shown(edges[index - 1]) + " – " + shown(edges[index]);
    }

    private static String shown(double edge) {
        return edge == Math.rint(edge) && Math.abs(edge) < 1e15 ? Long.toString((long) edge)
                : String.format(java.util.Locale.ROOT, "%.4g", edge);
    }
}
