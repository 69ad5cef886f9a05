package io.easel.graph;

import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ParamDef;
import io.easel.component.ParamType;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The database connections the nodes of a graph name in their connection params: the validator checks that each
 * exists, and a run's engine is handed only these, so one experiment never holds the credentials of a database none
 * of its nodes reads or writes.
 */
public final class NamedConnections {

    private NamedConnections() {}

    /** The connection a connection param of {@code node} names, if it names one. */
    static Optional<String> of(Node node, ParamDef def) {
        if (def.type() == ParamType.CONNECTION && node.params().get(def.name()) instanceof String name
                && !name.isBlank()) {
            return Optional.of(name.strip());
        }
        return Optional.empty();
    }

    /** Every connection named in {@code graph}, sorted; nodes of components the catalog lacks name none. */
    public static Set<String> in(ExperimentGraph graph, Catalog catalog) {
        Set<String> names = new TreeSet<>();
        for (Node node : graph.nodes()) {
            Optional<ComponentDescriptor> component = catalog.find(node.component());
            if (component.isPresent()) {
                for (ParamDef def : component.get().params()) {
                    of(node, def).ifPresent(names::add);
                }
            }
        }
        return names;
    }
}
