package io.easel.studio.editor;

import io.easel.component.ColumnSpec;
import io.easel.component.ParamDef;
import io.easel.component.PortSpec;
import io.easel.component.TableSpec;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.PortRef;
import io.easel.graph.ValidationResult;
import java.util.List;
import java.util.Optional;

/**
 * What column pickers offer: the table arriving at a node's input port, as schema inference worked it out, narrowed
 * to the types a param accepts.
 */
record UpstreamColumns(ExperimentGraph graph, ValidationResult validation) {

    /** The spec arriving at {@code port} of {@code nodeId}; empty when unconnected or not known before running. */
    Optional<PortSpec> input(String nodeId, String port) {
        return graph.edgeInto(new PortRef(nodeId, port))
                .flatMap(edge -> validation.spec(edge.from().node(), edge.from().port()));
    }

    Optional<TableSpec> inputTable(String nodeId, String port) {
        return input(nodeId, port).filter(TableSpec.class::isInstance).map(TableSpec.class::cast);
    }

    /**
     * The columns a column param may pick, in table order; empty when the upstream table is not known yet (the form
     * then lets the user type names).
     */
    Optional<List<ColumnSpec>> choicesFor(String nodeId, ParamDef def) {
        if (def.columns() == null) {
            return Optional.empty();
        }
        return inputTable(nodeId, def.columns().port())
                .map(table -> table.columns().stream().filter(c -> def.columns().accepts(c.type())).toList());
    }
}
