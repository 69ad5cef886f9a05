package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import java.util.List;

/** What a user edits of an experiment, apart from its run settings. */
record ExperimentFields(String name, String description, List<String> tags, ExperimentGraph graph) {

    ExperimentFields {
        tags = tags == null ? List.of() : List.copyOf(tags);
        graph = graph == null ? ExperimentGraph.empty() : graph;
    }
}
