package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import java.util.List;

/**
 * Changes to save: a null field is left as it is.
 *
 * @param kind how the save is kept among the revisions
 */
public record ExperimentEdit(String name, String description, List<String> tags, ExperimentGraph graph,
        RunSettings runSettings, SaveKind kind) {

    public ExperimentEdit {
        kind = kind == null ? SaveKind.SAVE : kind;
    }

    public static ExperimentEdit of(String name, String description, ExperimentGraph graph, SaveKind kind) {
        return new ExperimentEdit(name, description, null, graph, null, kind);
    }
}
