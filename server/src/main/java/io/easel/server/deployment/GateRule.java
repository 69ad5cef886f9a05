package io.easel.server.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.stream.Stream;

/**
 * One rule of a deployment's gate: a metric of the version's evaluations and exactly one bound on it.
 *
 * @param metric a metric the version's evaluations report, e.g. {@code auc}, {@code f1}, {@code rmse}, {@code r2}
 *     (see {@link MetricDirection})
 * @param atLeast the metric must be at least this
 * @param atMost the metric must be at most this
 * @param notWorseThanServed the metric must not be worse than the served version's by more than this margin (0 for
 *     "not worse at all"); better or worse as {@link MetricDirection} says for the metric
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateRule(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "auc") String metric,
        @Schema(description = "Lowest value allowed", example = "0.75") Double atLeast,
        @Schema(description = "Highest value allowed") Double atMost,
        @Schema(description = "Margin by which it may be worse than the served version's (0 = not worse)",
                example = "0.01") Double notWorseThanServed) {

    public static GateRule atLeast(String metric, double bound) {
        return new GateRule(metric, bound, null, null);
    }

    public static GateRule atMost(String metric, double bound) {
        return new GateRule(metric, null, bound, null);
    }

    public static GateRule notWorseThanServed(String metric, double margin) {
        return new GateRule(metric, null, null, margin);
    }

    /**
     * Checks the rule is one Easel can apply.
     *
     * @param position the rule's place in its gate, from 1, for the message
     * @throws GateRuleException (400) naming the rule and what is wrong with it
     */
    void validate(int position) {
        if (metric == null || metric.isBlank()) {
            throw GateRuleException.of(position, this, "has no 'metric'");
        }
        if (MetricDirection.of(metric).isEmpty()) {
            throw GateRuleException.of(position, this, "names metric '" + metric + "', which Easel does not know; "
                    + "use one of " + String.join(", ", MetricDirection.knownMetrics()));
        }
        long bounds = Stream.of(atLeast, atMost, notWorseThanServed).filter(b -> b != null).count();
        if (bounds != 1) {
            throw GateRuleException.of(position, this, "needs exactly one of 'atLeast', 'atMost' and "
                    + "'notWorseThanServed'" + (bounds == 0 ? "" : ", not " + bounds));
        }
        Double bound = atLeast != null ? atLeast : atMost != null ? atMost : notWorseThanServed;
        if (!Double.isFinite(bound)) {
            throw GateRuleException.of(position, this, "needs a finite number");
        }
        if (notWorseThanServed != null && notWorseThanServed < 0) {
            throw GateRuleException.of(position, this, "needs a margin of 0 or more in 'notWorseThanServed'");
        }
    }

    /** The direction of the rule's metric; only for a validated rule. */
    MetricDirection direction() {
        return MetricDirection.of(metric).orElseThrow();
    }

    /** Short text for lists: {@code auc ≥ 0.75}, {@code rmse ≤ 3}, {@code auc ≥ served − 0.01}. */
    public String shortText() {
        return shortText("served");
    }

    /** The same, with {@code served} in the reader's language; only for a validated rule. */
    public String shortText(String served) {
        if (atLeast != null) {
            return metric + " ≥ " + GateFigures.format(atLeast);
        }
        if (atMost != null) {
            return metric + " ≤ " + GateFigures.format(atMost);
        }
        boolean higher = direction() == MetricDirection.HIGHER_IS_BETTER;
        return metric + (higher ? " ≥ " : " ≤ ") + served + (notWorseThanServed == 0 ? ""
                : (higher ? " − " : " + ") + GateFigures.format(notWorseThanServed));
    }
}
