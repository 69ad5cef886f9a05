package io.easel.components.builtin.classification;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The two values of a binary label, as text (the way Spark's indexers see them), and which one is positive.
 *
 * @param rows the training rows with a label
 */
record BinaryLabels(String negative, String positive, long rows) {

    /** Negative first: the order of the model's probability vector. */
    String[] inIndexOrder() {
        return new String[] {negative, positive};
    }

    /**
     * Counts the label's values (one Spark aggregation) and picks the positive one: the requested value, or the less
     * frequent one.
     *
     * @throws IllegalArgumentException naming the component and label column unless there are exactly two values
     */
    static BinaryLabels of(String componentId, Dataset<Row> training, String labelColumn, String requestedPositive) {
        Map<String, Long> counts = new LinkedHashMap<>();
        training.groupBy(col(labelColumn).cast("string").as("value")).count().orderBy("value").collectAsList()
                .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
        if (counts.size() != 2) {
            String shown = counts.keySet().stream().limit(5).collect(Collectors.joining(", "))
                    + (counts.size() > 5 ? ", …" : "");
            throw new IllegalArgumentException(componentId + ": label column '" + labelColumn + "' has "
                    + counts.size() + " distinct values" + (counts.isEmpty() ? "" : " (" + shown + ")")
                    + "; this classifier needs exactly two");
        }
        List<String> values = List.copyOf(counts.keySet());
        long rows = counts.values().stream().mapToLong(Long::longValue).sum();
        String positive;
        if (requestedPositive != null && !requestedPositive.isBlank()) {
            positive = requestedPositive.strip();
            if (!values.contains(positive)) {
                throw new IllegalArgumentException(componentId + ": param 'positiveLabel' is '" + positive
                        + "', but label column '" + labelColumn + "' has the values " + values);
            }
        } else {
            // the rarer class is usually the one to find (default, fraud, disease); ties: the later value
            positive = counts.get(values.get(0)) < counts.get(values.get(1)) ? values.get(0) : values.get(1);
        }
        String negative = values.get(0).equals(positive) ? values.get(1) : values.get(0);
        return new BinaryLabels(negative, positive, rows);
    }
}
