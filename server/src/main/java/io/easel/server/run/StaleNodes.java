package io.easel.server.run;

import io.easel.component.CanonicalValues;
import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ParamDef;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.PortRef;
import io.easel.run.NodeChanges;
import io.easel.server.catalog.CatalogService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which nodes of a graph no longer match their last run, told without Spark: a node is stale when what defines its
 * outputs differs from the graph its latest successful run (computed or reused) ran — its component and version,
 * its params with their defaults, where each input comes from — or the same holds of anything upstream of it.
 *
 * <p>This is the part of the engine's fingerprint the server can see. The rest (the build of the code, the files a
 * source reads) only the engine tells, when it runs: a changed input file is found then, and said as the reason.
 */
@Component
class StaleNodes {

    /** A run that computed (or reused) some nodes of a graph. */
    record RunSnapshot(UUID runId, ExperimentGraph graph, List<String> succeeded) {}

    private final Supplier<Catalog> catalogs;

    @Autowired
    StaleNodes(CatalogService catalog) {
        this(catalog::catalog);
    }

    StaleNodes(Supplier<Catalog> catalogs) {
        this.catalogs = catalogs;
    }

    /**
     * @param runs the experiment's runs, newest first
     * @return the stale nodes of {@code graph}, in its order
     */
    Map<String, StaleNode> of(ExperimentGraph graph, List<RunSnapshot> runs) {
        Catalog catalog = catalogs.get();
        Definitions now = new Definitions(graph, catalog);
        Map<String, RunSnapshot> lastRun = new HashMap<>();
        Map<UUID, Definitions> then = new HashMap<>();
        for (RunSnapshot run : runs) {
            for (String node : run.succeeded()) {
                if (graph.node(node).isPresent() && lastRun.putIfAbsent(node, run) == null) {
                    then.computeIfAbsent(run.runId(), id -> new Definitions(run.graph(), catalog));
                }
            }
            if (lastRun.size() == graph.nodes().size()) {
                break;
            }
        }
        Map<String, StaleNode> stale = new LinkedHashMap<>();
        for (Node node : graph.nodes()) {
            RunSnapshot run = lastRun.get(node.id());
            if (run == null) {
                continue;
            }
            Definitions before = then.get(run.runId());
            if (!now.chain(node.id()).equals(before.chain(node.id()))) {
                stale.put(node.id(), new StaleNode(node.id(), run.runId(), reason(node.id(), now, before)));
            }
        }
        return stale;
    }

    /** What differs, said as the engine says why a node ran ("param maxDepth changed", "upstream node a changed"). */
    private static String reason(String node, Definitions now, Definitions before) {
        Definition current = now.definition(node);
        Definition previous = before.definition(node);
        NodeChanges changes = new NodeChanges();
        changes.component(previous.component(), current.component(), previous.version(), current.version());
        changes.params(previous.params(), current.params(), null);
        changes.inputs(previous.inputs(), current.inputs(), port -> {
            String upstream = current.inputs().get(port).node();
            return !now.chain(upstream).equals(before.chain(upstream));
        });
        return changes.toString();
    }

    /** What defines a node's outputs by itself: component, version, params with defaults, its inputs' sources. */
    private record Definition(String component, int version, Map<String, Object> params,
            Map<String, PortRef> inputs) {}

    /** The definitions of one graph's nodes, and of each node with everything upstream of it (its chain). */
    private static final class Definitions {

        private final ExperimentGraph graph;
        private final Catalog catalog;
        private final Map<String, Definition> definitions = new HashMap<>();
        private final Map<String, String> chains = new HashMap<>();

        Definitions(ExperimentGraph graph, Catalog catalog) {
            this.graph = graph;
            this.catalog = catalog;
        }

        Definition definition(String nodeId) {
            return definitions.computeIfAbsent(nodeId, id -> {
                Node node = graph.node(id).orElseThrow();
                Map<String, Object> params = new TreeMap<>();
                ComponentDescriptor component = catalog.find(node.component()).orElse(null);
                if (component != null) {
                    for (ParamDef def : component.params()) {
                        params.put(def.name(), CanonicalValues.of(def.defaultValue()));
                    }
                }
                node.params().forEach((name, value) -> params.put(name, CanonicalValues.of(value)));
                Map<String, PortRef> inputs = new TreeMap<>();
                for (Edge edge : graph.edges()) {
                    if (edge.to().node().equals(id)) {
                        inputs.put(edge.to().port(), edge.from());
                    }
                }
                return new Definition(node.component(), node.version(), params, inputs);
            });
        }

        /** The node's definition with its upstream chains, as text: equal chains compute equal outputs. */
        String chain(String nodeId) {
            String known = chains.get(nodeId);
            if (known != null) {
                return known;
            }
            chains.put(nodeId, "cycle"); // a graph with a cycle does not run; never recurse forever on one
            Definition definition = definition(nodeId);
            StringBuilder text = new StringBuilder(definition.component()).append('@').append(definition.version())
                    .append(definition.params());
            definition.inputs().forEach((port, from) -> text.append('|').append(port).append('<')
                    .append(from.port()).append('<').append(graph.node(from.node()).isPresent()
                            ? chain(from.node()) : "missing"));
            chains.put(nodeId, text.toString());
            return text.toString();
        }
    }
}
