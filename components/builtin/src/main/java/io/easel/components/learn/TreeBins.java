package io.easel.components.learn;

import io.easel.component.Param;
import java.util.Map;

/** Trees split a categorical feature into bins, so a text feature needs at least as many bins as categories. */
public final class TreeBins {

    private TreeBins() {}

    /** Fails naming the feature and the smallest {@code maxBins} that would do. */
    public static SupervisedLearner.FitCheck atLeastCategories(Param<Integer> maxBins) {
        return fitting -> {
            int bins = fitting.params().get(maxBins);
            for (Map.Entry<String, Integer> text : fitting.textCategories().entrySet()) {
                int needed = text.getValue() + 1; // + the category for values not seen in training
                if (needed > bins) {
                    throw new IllegalArgumentException(fitting.componentId() + ": feature column '" + text.getKey()
                            + "' has " + text.getValue() + " distinct values; param '" + maxBins.name() + "' ("
                            + bins + ") must be at least " + needed);
                }
            }
        };
    }
}
