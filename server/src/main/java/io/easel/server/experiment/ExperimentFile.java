package io.easel.server.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An experiment as a file (docs/experiment-format.md): the graph document with the experiment's name, description
 * and tags beside {@code formatVersion}, so that one file is the whole experiment, fit to keep in git.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"formatVersion", "name", "description", "tags", "nodes", "edges"})
public record ExperimentFile(int formatVersion, String name, String description, List<String> tags, List<Node> nodes,
        List<Edge> edges) {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static ExperimentFile of(ExperimentView experiment) {
        ExperimentGraph graph = experiment.graph();
        return new ExperimentFile(graph.formatVersion(), experiment.name(), experiment.description(),
                experiment.tags(), graph.nodes(), graph.edges());
    }

    public ExperimentGraph graph() {
        return new ExperimentGraph(formatVersion, nodes, edges);
    }

    /** The file's text, indented for reading and for diffs in git. */
    public String toJson() {
        return PRETTY.writeValueAsString(this);
    }

    /** A file name for it: its name with what file systems refuse replaced, and {@code .easel.json}. */
    public String fileName() {
        String base = name == null || name.isBlank() ? "experiment" : name.strip().replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
        return base + ".easel.json";
    }
}
