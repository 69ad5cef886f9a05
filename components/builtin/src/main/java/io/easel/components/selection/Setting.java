package io.easel.components.selection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Values of some of a learner's params, in the order given, e.g. one setting a tuning tries. */
public record Setting(Map<String, Object> values) {

    public Setting {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@code maxDepth=5, stepSize=0.1}. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
