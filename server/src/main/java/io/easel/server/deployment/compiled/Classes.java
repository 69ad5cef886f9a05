package io.easel.server.deployment.compiled;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The target's classes, in the target field's order: probabilities are arrays indexed by it. */
record Classes(List<Object> values, Map<String, Integer> indices) {

    static Classes of(List<?> values) {
        Map<String, Integer> indices = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            indices.put(String.valueOf(values.get(i)), i);
        }
        return new Classes(List.copyOf(values), Map.copyOf(indices));
    }

    int size() {
        return values.size();
    }

    int index(Object value) throws NotCompilableException {
        Integer index = indices.get(String.valueOf(value));
        if (index == null) {
            throw new NotCompilableException("class '" + value + "' is not a value of the target");
        }
        return index;
    }

    /** The class with the highest probability, the first of equals in {@code order}. */
    static int mostProbable(double[] probabilities, int[] order) {
        int best = order[0];
        for (int i = 1; i < order.length; i++) {
            if (probabilities[order[i]] > probabilities[best]) {
                best = order[i];
            }
        }
        return best;
    }

    int[] naturalOrder() {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }
}
