package io.easel.graph;

import io.easel.component.Catalog;
import io.easel.component.Port;
import io.easel.component.PortType;

/**
 * Which model outputs of a graph are exported to PMML (and so can be deployed): those of ports declared so, and those
 * of ports that pass on the kind of model arriving at an input ({@link Port#pmmlAsInput()}, a tuning's best model)
 * when the model feeding that input is exported, however long the chain.
 */
public final class PmmlExports {

    private final ExperimentGraph graph;
    private final Catalog catalog;

    public PmmlExports(ExperimentGraph graph, Catalog catalog) {
        this.graph = graph;
        this.catalog = catalog;
    }

    /** Whether the model on {@code output} is exported; false for what is not a model output of a known node. */
    public boolean exported(PortRef output) {
        Port port = port(output);
        if (port == null || port.type() != PortType.MODEL) {
            return false;
        }
        if (port.pmmlAsInput() == null) {
            return port.exportsPmml();
        }
        return graph.edgeInto(new PortRef(output.node(), port.pmmlAsInput()))
                .map(edge -> exported(edge.from()))
                .orElse(false);
    }

    /** Whether a model on {@code port} is exported in some graph: always, or when its input's model is. */
    public static boolean mayExport(Port port) {
        return port.exportsPmml() || port.pmmlAsInput() != null;
    }

    private Port port(PortRef output) {
        return graph.node(output.node()).flatMap(node -> catalog.find(node.component()))
                .flatMap(component -> component.output(output.port())).orElse(null);
    }
}
