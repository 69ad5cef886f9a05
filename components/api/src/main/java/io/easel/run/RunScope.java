package io.easel.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes of an experiment a run runs: all of them, or those a node of the canvas picks.
 *
 * <ul>
 *   <li>{@link Kind#FROM}: the node and everything downstream of it ("run from here");</li>
 *   <li>{@link Kind#TO}: the node and everything upstream it needs ("run to here");</li>
 *   <li>{@link Kind#ONLY}: the node alone ("run this node").</li>
 * </ul>
 *
 * Nodes upstream of the scope that feed it are not run: their outputs must be those earlier runs stored for their
 * current settings, and a node of the scope whose input has none is refused with the reason ({@link Role#INPUT}).
 * Every other node is not in the run ({@link NodeState#NOT_IN_RUN}).
 *
 * @param node the node picked; null for {@link Kind#ALL}
 */
public record RunScope(Kind kind, String node) {

    public enum Kind {
        ALL, FROM, TO, ONLY;

        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the kinds there are */
        @JsonCreator
        public static Kind fromJson(String name) {
            for (Kind kind : values()) {
                if (kind.jsonName().equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("'" + name + "' is not a run scope: use all, from, to or only");
        }
    }

    /** What a run does with one node. */
    public enum Role {
        /** Runs, reusing stored outputs where its fingerprint matches, as in a run of everything. */
        RUN,
        /** Not run: feeds the scope with the outputs an earlier run stored for its current settings, if any. */
        INPUT,
        /** Not in the run. */
        OUTSIDE
    }

    public static final RunScope ALL = new RunScope(Kind.ALL, null);

    /** @throws IllegalArgumentException when a node is missing or given for {@link Kind#ALL} */
    public RunScope {
        kind = kind == null ? Kind.ALL : kind;
        if (kind == Kind.ALL && node != null) {
            throw new IllegalArgumentException("a run of all nodes names no node, not '" + node + "'");
        }
        if (kind != Kind.ALL && (node == null || node.isBlank())) {
            throw new IllegalArgumentException("the run scope '" + kind.jsonName() + "' names no node");
        }
    }

    /** Whether the run covers the whole graph. */
    public boolean whole() {
        return kind == Kind.ALL;
    }

    /**
     * Whether the picked node runs even where its stored outputs match: "run this node" and "run from here" ask for
     * it to be computed again; "run to here" brings it up to date and reuses what still matches.
     */
    public boolean forces(String nodeId) {
        return (kind == Kind.FROM || kind == Kind.ONLY) && nodeId.equals(node);
    }

    /** The role of each node of {@code graph} (the picked node must be one of them). */
    public Map<String, Role> roles(ExperimentGraph graph) {
        Map<String, Role> roles = new HashMap<>();
        if (whole()) {
            graph.nodes().forEach(n -> roles.put(n.id(), Role.RUN));
            return roles;
        }
        if (graph.node(node).isEmpty()) {
            throw new IllegalArgumentException("the run scope names node '" + node + "', which the experiment "
                    + "does not have");
        }
        Set<String> running = switch (kind) {
            case FROM -> along(graph, Set.of(node), true);
            case TO -> along(graph, Set.of(node), false);
            default -> Set.of(node);
        };
        Set<String> inputs = kind == Kind.TO ? Set.of() : along(graph, running, false);
        graph.nodes().forEach(n -> roles.put(n.id(), running.contains(n.id()) ? Role.RUN
                : inputs.contains(n.id()) ? Role.INPUT : Role.OUTSIDE));
        return roles;
    }

    /** {@code start} and every node reached from it along the edges, downstream or upstream. */
    private static Set<String> along(ExperimentGraph graph, Set<String> start, boolean downstream) {
        Set<String> reached = new HashSet<>(start);
        Deque<String> pending = new ArrayDeque<>(start);
        while (!pending.isEmpty()) {
            String at = pending.poll();
            for (Edge edge : graph.edges()) {
                String here = downstream ? edge.from().node() : edge.to().node();
                String next = downstream ? edge.to().node() : edge.from().node();
                if (here.equals(at) && reached.add(next)) {
                    pending.add(next);
                }
            }
        }
        return reached;
    }

    /** The engine's arguments for this scope (none for a run of all nodes). */
    public List<String> engineArguments() {
        return whole() ? List.of() : List.of("--scope", kind.jsonName(), "--scope-node", node);
    }

    /** What the scope says in a run's messages: "run from 'gbdt'". */
    public String describe() {
        return switch (kind) {
            case ALL -> "run of all nodes";
            case FROM -> "run from '" + node + "'";
            case TO -> "run to '" + node + "'";
            case ONLY -> "run of '" + node + "' alone";
        };
    }
}
