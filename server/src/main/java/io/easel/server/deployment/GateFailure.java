package io.easel.server.deployment;

import io.easel.run.ParityReport;
import io.easel.server.model.ModelVersionView;

/**
 * A gate rule a model version fails, with the figures that fail it.
 *
 * @param rule the rule as the gate holds it; null for {@link Reason#PARITY}
 * @param reason why it fails
 * @param value the version's figure; null when it has none ({@link Reason#MISSING}); the largest difference between
 *     PMML and Spark for {@link Reason#PARITY}
 * @param limit the figure it had to reach: the rule's bound, or the served version's figure less the margin, or the
 *     parity check's tolerance
 * @param servedVersion the served version compared with, for {@link Reason#WORSE_THAN_SERVED}
 * @param servedValue the served version's figure, for {@link Reason#WORSE_THAN_SERVED}
 * @param text the failure in words, in English
 */
public record GateFailure(GateRule rule, Reason reason, Double value, Double limit, Integer servedVersion,
        Double servedValue, String text) {

    /** Why a rule fails. */
    public enum Reason {
        /** Below the rule's {@code atLeast}. */
        BELOW,
        /** Above the rule's {@code atMost}. */
        ABOVE,
        /** Worse than the served version's figure by more than the rule's margin. */
        WORSE_THAN_SERVED,
        /** None of the version's evaluations reports the metric. */
        MISSING,
        /**
         * Not a rule of the gate, but the model itself: its PMML disagreed with Spark at export (the parity check),
         * so it would not score what the experiment showed. {@code rule} is null.
         */
        PARITY
    }

    static GateFailure below(GateRule rule, double value) {
        return new GateFailure(rule, Reason.BELOW, value, rule.atLeast(), null, null, rule.metric() + " "
                + GateFigures.format(value, rule.atLeast()) + " is below the gate's "
                + GateFigures.format(rule.atLeast(), value));
    }

    static GateFailure above(GateRule rule, double value) {
        return new GateFailure(rule, Reason.ABOVE, value, rule.atMost(), null, null, rule.metric() + " "
                + GateFigures.format(value, rule.atMost()) + " is above the gate's "
                + GateFigures.format(rule.atMost(), value));
    }

    static GateFailure worseThanServed(GateRule rule, double value, int servedVersion, double servedValue) {
        double margin = rule.notWorseThanServed();
        boolean higher = rule.direction() == MetricDirection.HIGHER_IS_BETTER;
        double limit = higher ? servedValue - margin : servedValue + margin;
        return new GateFailure(rule, Reason.WORSE_THAN_SERVED, value, limit, servedVersion, servedValue,
                rule.metric() + " " + GateFigures.format(value, servedValue) + " is worse than the served version "
                        + servedVersion + "'s " + GateFigures.format(servedValue, value)
                        + (margin == 0 ? "" : " by more than the gate's margin of " + GateFigures.format(margin)));
    }

    static GateFailure missing(GateRule rule, int version) {
        return new GateFailure(rule, Reason.MISSING, null, null, null, null, "version " + version + " has no "
                + rule.metric() + ": none of its evaluations reports it (evaluate the model downstream of its node "
                + "in the experiment)");
    }

    static GateFailure parity(ModelVersionView version) {
        ParityReport parity = version.parity();
        return new GateFailure(null, Reason.PARITY, parity.maxDifference(), ParityReport.TOLERANCE, null, null,
                "version " + version.version() + " was flagged at export: " + parity.summary()
                        + "; served, it would not score what its run showed");
    }
}
