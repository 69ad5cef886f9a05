package io.easel.components.testing;

import java.util.List;
import java.util.Map;

/**
 * The credit-scoring experiment the spine was built on, for the tests of its components that look at it as a
 * whole: credit_g → type-conversion (3 integer columns to double) → random-split 0.85/0.15 seed 42 →
 * gbdt-classifier on the train part → predict on the test part → binary-classification-evaluation; and
 * feature-importance. The catalog contract test does not use it: it runs every component's own examples.
 */
public final class Scenarios {

    /** The integer credit_g columns the credit scenario converts to double before training. */
    public static final List<String> CONVERTED = List.of("duration", "credit_amount", "age");

    private Scenarios() {}

    public static TestRun credit() {
        return TestRun.of(TestRun.newGraph()
                .node("data", "sample-dataset", Map.of("dataset", "credit_g"))
                .node("cast", "type-conversion", Map.of("columns", CONVERTED, "targetType", "double"))
                .node("split", "random-split", Map.of("fraction", 0.85, "seed", 42))
                .node("gbdt", "gbdt-classifier", Map.of("labelColumn", "class"))
                .node("predict", "predict", Map.of())
                .node("evaluate", "binary-classification-evaluation", Map.of("labelColumn", "class"))
                .node("importance", "feature-importance", Map.of())
                .edge("data.out", "cast.in")
                .edge("cast.out", "split.in")
                .edge("split.train", "gbdt.in")
                .edge("gbdt.model", "predict.model")
                .edge("split.test", "predict.in")
                .edge("predict.out", "evaluate.in")
                .edge("gbdt.model", "importance.model")
                .build());
    }
}
