package io.easel.server.deployment;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which way a model metric gets better: the one table a deployment's gate reads. The names are those the evaluation
 * components report (see {@code io.easel.components.builtin.evaluation}), plus Spark's names for the same figures.
 */
public enum MetricDirection {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    private static final Map<String, MetricDirection> BY_METRIC = Stream.concat(
            Stream.of("auc", "prAuc", "ks", "accuracy", "precision", "recall", "f1", "macroF1", "weightedF1",
                    "macroPrecision", "macroRecall", "weightedPrecision", "weightedRecall", "r2",
                    "explainedVariance", "silhouette", "calinskiHarabasz", "precisionAtK", "recallAtK", "ndcgAtK",
                    "map", "mapAtK").map(metric -> Map.entry(metric, HIGHER_IS_BETTER)),
            Stream.of("rmse", "mae", "mape", "logLoss", "daviesBouldin")
                    .map(metric -> Map.entry(metric, LOWER_IS_BETTER)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** Spark's evaluator names for figures the evaluations report under another name. */
    private static final Map<String, String> ALIASES = Map.of("areaUnderROC", "auc", "areaUnderPR", "prAuc");

    /** The direction of {@code metric} (a reported name or an alias); empty for a metric Easel does not know. */
    public static Optional<MetricDirection> of(String metric) {
        return metric == null ? Optional.empty() : Optional.ofNullable(BY_METRIC.get(reportedName(metric)));
    }

    /** The name the evaluations report {@code metric} under: itself, or what its alias stands for. */
    public static String reportedName(String metric) {
        return ALIASES.getOrDefault(metric, metric);
    }

    /** Every name a gate rule may use, sorted. */
    public static Set<String> knownMetrics() {
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(BY_METRIC.keySet());
        known.addAll(ALIASES.keySet());
        return known;
    }

    /** Whether {@code candidate} is worse than {@code reference} by more than {@code margin} (≥ 0). */
    public boolean worseBeyond(double candidate, double reference, double margin) {
        return this == HIGHER_IS_BETTER ? candidate < reference - margin : candidate > reference + margin;
    }
}
