package io.easel.server.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Two runs side by side: what each was, the params of every node (changed ones flagged) and their evaluation
 * reports, the same node's curves to overlay.
 *
 * @param nodes every node of either run, in the first run's graph order and then the second's new ones
 */
public record RunComparison(RunSummary first, RunSummary second, List<NodeParams> nodes, ReportComparison reports) {

    public RunComparison {
        nodes = List.copyOf(nodes);
    }

    /** Whether a node is in both runs' graphs or in one only. */
    public enum Presence {
        BOTH, FIRST_ONLY, SECOND_ONLY;

        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The params a node was run with in each run: those set on it (unset ones take the component's default).
     *
     * @param label the node's label in the later of the runs that have it, or null
     */
    public record NodeParams(String nodeId, String component, String label, Presence presence,
            List<ComparedParam> params) {

        public NodeParams {
            params = List.copyOf(params);
        }

        /** In one run only, or with a param that differs. */
        @JsonProperty("changed")
        public boolean changed() {
            return presence != Presence.BOTH || params.stream().anyMatch(ComparedParam::changed);
        }
    }

    /**
     * @param first the value in the first run, null when not set there (the default)
     * @param second the value in the second run, null when not set there
     */
    public record ComparedParam(String name, Object first, Object second) {

        @JsonProperty("changed")
        public boolean changed() {
            return !Objects.equals(first, second);
        }
    }
}
