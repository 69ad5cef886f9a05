package io.easel.server.deployment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A deployment's evaluation gate: the rules every version it is pointed at must pass (see {@link DeploymentGate}).
 *
 * @param rules the rules, all of which must pass; empty for no gate
 */
public record Gate(List<GateRule> rules) {

    /** No rules: every version passes. */
    public static final Gate NONE = new Gate(List.of());

    public Gate {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The rules' short texts, joined ({@code auc ≥ 0.75, rmse ≤ 3}); empty for no rules. */
    public String shortText() {
        return rules.stream().map(GateRule::shortText).collect(Collectors.joining(", "));
    }
}
