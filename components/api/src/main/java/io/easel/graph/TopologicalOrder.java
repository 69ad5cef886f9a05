package io.easel.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dependency order of a graph's nodes. */
public final class TopologicalOrder {

    private TopologicalOrder() {}

    /**
     * Kahn's algorithm, ties broken by the nodes' order in the document so runs are reproducible. Nodes on a cycle
     * (and those downstream of one) are left out; edges to unknown nodes are ignored.
     */
    public static List<String> of(ExperimentGraph graph) {
        Map<String, Integer> indegree = new LinkedHashMap<>();
        graph.nodes().forEach(n -> indegree.putIfAbsent(n.id(), 0));
        Map<String, List<String>> downstream = new LinkedHashMap<>();
        for (Edge edge : graph.edges()) {
            String from = edge.from().node();
            String to = edge.to().node();
            if (!indegree.containsKey(from) || !indegree.containsKey(to)) {
                continue;
            }
            downstream.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
            indegree.merge(to, 1, Integer::sum);
        }
        Deque<String> ready = new ArrayDeque<>();
        indegree.forEach((id, degree) -> {
            if (degree == 0) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String next : downstream.getOrDefault(id, List.of())) {
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        return order;
    }
}
