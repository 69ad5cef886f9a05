package io.easel.components.learn;

import static org.apache.spark.sql.functions.col;

import io.easel.component.ColumnSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The classes of a label, as text (the way Spark's indexers see them), in the order of the model's probability
 * vector: for two classes the negative one first, for more in natural order (numeric labels by value).
 *
 * @param counts rows per class, in that order
 */
record ClassLabels(List<String> values, Map<String, Long> counts) {

    /** More classes than this is not a classification problem. */
    static final int MAX_CLASSES = 200;

    long rows() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    String positive() {
        return values.get(1);
    }

    /**
     * Counts the label's values (one Spark aggregation), checks they suit a classifier that handles {@code tasks},
     * and orders them.
     *
     * @param requestedPositive for two classes, the class whose probability is the score; blank: the rarer one
     * @throws IllegalArgumentException saying what to use instead when the label does not fit
     */
    static ClassLabels of(String componentId, Dataset<Row> training, ColumnSpec label, boolean multiclass,
            String requestedPositive) {
        Map<String, Long> counts = new LinkedHashMap<>();
        training.groupBy(col(quoted(label.name())).cast("string").as("value")).count()
                .limit(MAX_CLASSES + 1).collectAsList()
                .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
        String where = componentId + ": label column '" + label.name() + "'";
        if (counts.size() > MAX_CLASSES || label.type().isNumeric() && looksContinuous(counts)) {
            throw new IllegalArgumentException(where + " has " + (counts.size() > MAX_CLASSES ? "more than "
                    + MAX_CLASSES : counts.size()) + " distinct values (" + shown(counts.keySet()) + "); this looks "
                    + "like regression: use a regressor, or bin the label into classes first");
        }
        if (counts.size() < 2) {
            throw new IllegalArgumentException(where + " has " + counts.size() + " distinct value"
                    + (counts.isEmpty() ? "s" : " (" + shown(counts.keySet()) + ")")
                    + " among the rows with a label; a classifier needs at least two classes");
        }
        if (counts.size() > 2 && !multiclass) {
            throw new IllegalArgumentException(where + " has " + counts.size() + " classes (" + shown(counts.keySet())
                    + "); this classifier tells two classes apart: use a multiclass classifier (logistic regression, "
                    + "random forest, decision tree, naive Bayes, multilayer perceptron) or one-vs-rest around it");
        }
        List<String> values = new ArrayList<>(counts.keySet());
        values.sort(label.type().isNumeric()
                ? Comparator.comparing(BigDecimal::new)
                : Comparator.<String>naturalOrder());
        if (values.size() == 2) {
            String positive;
            if (requestedPositive != null && !requestedPositive.isBlank()) {
                positive = matching(values, requestedPositive.strip(), label.type().isNumeric());
                if (positive == null) {
                    throw new IllegalArgumentException(componentId + ": param 'positiveLabel' is '"
                            + requestedPositive.strip() + "', but label column '" + label.name() + "' has the values "
                            + values);
                }
            } else {
                // the rarer class is usually the one to find (default, fraud, disease); ties: the later value
                positive = counts.get(values.get(0)) < counts.get(values.get(1)) ? values.get(0) : values.get(1);
            }
            String negative = values.get(0).equals(positive) ? values.get(1) : values.get(0);
            values = List.of(negative, positive);
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        values.forEach(v -> ordered.put(v, counts.get(v)));
        return new ClassLabels(List.copyOf(values), ordered);
    }

    /** A positive label given as "1" matches the class "1.0" of a double label. */
    private static String matching(List<String> values, String requested, boolean numeric) {
        for (String value : values) {
            if (value.equals(requested)
                    || numeric && isNumber(requested) && new BigDecimal(value).compareTo(new BigDecimal(requested)) == 0) {
                return value;
            }
        }
        return null;
    }

    /** Fractional values beyond a handful of classes: a measurement, not a class. */
    private static boolean looksContinuous(Map<String, Long> counts) {
        boolean fractional = counts.keySet().stream().anyMatch(v -> new BigDecimal(v).stripTrailingZeros().scale() > 0);
        return fractional && counts.size() > 10;
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String shown(java.util.Collection<String> values) {
        return values.stream().limit(5).collect(Collectors.joining(", ")) + (values.size() > 5 ? ", …" : "");
    }

    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
