package io.easel.components.builtin.classification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.classification.TrainingSummary;

/** The training facts of a learner fitted by an iterative optimiser: iterations run and the final objective. */
final class OptimizerFacts {

    private OptimizerFacts() {}

    static Map<String, Object> of(TrainingSummary summary) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("iterations", summary.totalIterations());
        double[] objective = summary.objectiveHistory();
        if (objective.length > 0) {
            facts.put("objective", objective[objective.length - 1]);
        }
        return facts;
    }
}
