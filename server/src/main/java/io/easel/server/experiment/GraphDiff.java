package io.easel.server.experiment;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed from one graph to another, node by node (matched by id) and edge by edge. A node counts as changed
 * when its component, component version, label or any param differs; moving it on the canvas is no change.
 *
 * @param addedNodes in the order of the later graph
 * @param removedNodes in the order of the earlier graph
 * @param changedNodes in the order of the later graph
 */
public record GraphDiff(List<Node> addedNodes, List<Node> removedNodes, List<NodeChange> changedNodes,
        List<Edge> addedEdges, List<Edge> removedEdges) {

    /**
     * One node that is in both graphs but not the same.
     *
     * @param changes each field that differs, params as {@code params.<name>}
     */
    public record NodeChange(String nodeId, String component, List<FieldChange> changes) {}

    /**
     * @param field {@code component}, {@code version}, {@code label} or {@code params.<name>}
     * @param before null when it was not set
     * @param after null when it is no longer set
     */
    public record FieldChange(String field, Object before, Object after) {}

    public static GraphDiff between(ExperimentGraph before, ExperimentGraph after) {
        List<Node> added = after.nodes().stream().filter(n -> before.node(n.id()).isEmpty()).toList();
        List<Node> removed = before.nodes().stream().filter(n -> after.node(n.id()).isEmpty()).toList();
        List<NodeChange> changed = new ArrayList<>();
        for (Node later : after.nodes()) {
            before.node(later.id()).map(earlier -> changes(earlier, later)).filter(c -> !c.isEmpty())
                    .ifPresent(c -> changed.add(new NodeChange(later.id(), later.component(), c)));
        }
        Set<Edge> edgesBefore = new LinkedHashSet<>(before.edges());
        Set<Edge> edgesAfter = new LinkedHashSet<>(after.edges());
        return new GraphDiff(added, removed, changed,
                after.edges().stream().filter(e -> !edgesBefore.contains(e)).toList(),
                before.edges().stream().filter(e -> !edgesAfter.contains(e)).toList());
    }

    public boolean isEmpty() {
        return addedNodes.isEmpty() && removedNodes.isEmpty() && changedNodes.isEmpty() && addedEdges.isEmpty()
                && removedEdges.isEmpty();
    }

    private static List<FieldChange> changes(Node before, Node after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("component", before.component(), after.component(), changes);
        compare("version", before.version(), after.version(), changes);
        compare("label", before.label(), after.label(), changes);
        Set<String> params = new LinkedHashSet<>(before.params().keySet());
        params.addAll(after.params().keySet());
        for (String param : params) {
            compare("params." + param, before.params().get(param), after.params().get(param), changes);
        }
        return changes;
    }

    private static void compare(String field, Object before, Object after, List<FieldChange> changes) {
        if (!sameValue(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    /** JSON numbers read back as Integer, Long or Double: 2 and 2.0 are the same param value. */
    private static boolean sameValue(Object before, Object after) {
        if (before instanceof Number a && after instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(before, after);
    }
}
