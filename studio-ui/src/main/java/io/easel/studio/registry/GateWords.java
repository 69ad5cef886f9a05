package io.easel.studio.registry;

import com.vaadin.flow.component.Component;
import io.easel.run.ParityReport;
import io.easel.server.deployment.Gate;
import io.easel.server.deployment.GateFailure;
import io.easel.server.deployment.GateFigures;
import io.easel.server.deployment.GateRule;
import java.util.stream.Collectors;

/** A deployment gate's rules and failures in the studio's language, with the server's way of writing figures. */
final class GateWords {

    static final String NO_GATE = "—";

    private final Component speaker;

    /** @param speaker the component whose locale the words are in */
    GateWords(Component speaker) {
        this.speaker = speaker;
    }

    /** The rules, shortly: {@code auc ≥ 0.75, rmse ≤ served}; a dash for none. */
    String gate(Gate gate) {
        return gate.rules().isEmpty() ? NO_GATE : gate.rules().stream().map(this::rule)
                .collect(Collectors.joining(", "));
    }

    String rule(GateRule rule) {
        return rule.shortText(speaker.getTranslation("registry.gate.served"));
    }

    /** Why the version fails the rule, with both figures. */
    String failure(GateFailure failure) {
        GateRule rule = failure.rule();
        return switch (failure.reason()) {
            case BELOW -> speaker.getTranslation("registry.gate.failure.below", rule.metric(),
                    GateFigures.format(failure.value(), failure.limit()), GateFigures.format(failure.limit(),
                            failure.value()));
            case ABOVE -> speaker.getTranslation("registry.gate.failure.above", rule.metric(),
                    GateFigures.format(failure.value(), failure.limit()), GateFigures.format(failure.limit(),
                            failure.value()));
            case WORSE_THAN_SERVED -> speaker.getTranslation(rule.notWorseThanServed() == 0
                    ? "registry.gate.failure.worse" : "registry.gate.failure.worse-margin", rule.metric(),
                    GateFigures.format(failure.value(), failure.servedValue()), failure.servedVersion(),
                    GateFigures.format(failure.servedValue(), failure.value()),
                    GateFigures.format(rule.notWorseThanServed()));
            case MISSING -> speaker.getTranslation("registry.gate.failure.missing", rule.metric());
            case PARITY -> speaker.getTranslation("registry.gate.failure.parity",
                    ParityReport.formatDifference(failure.value()));
        };
    }
}
