package io.easel.component;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A worked use of a component: params, and for each input the node that feeds it (itself fed by others, down to a
 * bundled dataset). The catalog carries examples for the docs and the studio; the contract test runs every example
 * of every component and checks what came out against what was inferred, and every exportable model against its
 * PMML. Params may say {@value #SAMPLES} where a path to the bundled sample files belongs.
 * {@code io.easel.graph.ExampleGraph} turns an example into an experiment.
 *
 * @param title what the example shows
 * @param params the params the user would set
 * @param inputs the upstream node of each connected input port
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Example(Text title, Map<String, Object> params, Map<String, Upstream> inputs) {

    /** Stands for the directory of the bundled sample files (CSV, Parquet, JSON Lines) in example params. */
    public static final String SAMPLES = "{samples}";

    public Example {
        Objects.requireNonNull(title, "title");
        params = params == null ? Map.of() : Map.copyOf(params);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }

    public static Example of(String en, String zh, Map<String, Object> params) {
        return new Example(Text.of(en, zh), params, Map.of());
    }

    public Example input(Port port, Upstream upstream) {
        Map<String, Upstream> next = new LinkedHashMap<>(inputs);
        next.put(port.name(), upstream);
        return new Example(title, params, next);
    }

    /**
     * An output port of a node that is part of an example.
     *
     * @param component the node's component id
     * @param params the node's params
     * @param inputs what feeds the node's inputs
     * @param port which of the node's outputs this is
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Upstream(String component, Map<String, Object> params, Map<String, Upstream> inputs, String port) {
        public Upstream {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(port, "port");
            params = params == null ? Map.of() : Map.copyOf(params);
            inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        }

        public static Upstream of(String component, Map<String, Object> params, String port) {
            return new Upstream(component, params, Map.of(), port);
        }

        /** The same node with {@code upstream} feeding its input {@code input}. */
        public Upstream from(String input, Upstream upstream) {
            Map<String, Upstream> next = new LinkedHashMap<>(inputs);
            next.put(input, upstream);
            return new Upstream(component, params, next, port);
        }

        /** Another output port of the same node (one node in the graph, not two). */
        public Upstream port(String other) {
            return new Upstream(component, params, inputs, other);
        }

        /** The node itself, whichever of its ports is meant: equal for two ports of one node. */
        @JsonIgnore
        public Upstream node() {
            return new Upstream(component, params, inputs, "-");
        }
    }
}
