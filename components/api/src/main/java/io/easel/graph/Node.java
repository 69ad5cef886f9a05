package io.easel.graph;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One component placed on the canvas.
 *
 * @param component the component id from the catalog
 * @param version the component version the params were written for (1 when a document leaves it out; validation
 *     refuses one below 1)
 * @param label the name the user gave the node, or null to show the component title
 * @param params only the values the user set; defaults are not copied in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(String id, String component, int version, String label, Map<String, Object> params,
        Position position) {

    /** The version of a node whose document does not say, as the format defines it. */
    public static final int DEFAULT_VERSION = 1;

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(component, "component");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        position = position == null ? new Position(0, 0) : position;
    }

    /** A node as the JSON document has it, with {@code version} defaulting to {@value #DEFAULT_VERSION}. */
    @JsonCreator
    static Node fromJson(@JsonProperty("id") String id, @JsonProperty("component") String component,
            @JsonProperty("version") Integer version, @JsonProperty("label") String label,
            @JsonProperty("params") Map<String, Object> params, @JsonProperty("position") Position position) {
        return new Node(id, component, version == null ? DEFAULT_VERSION : version, label, params, position);
    }

    public static Node of(String id, String component, Map<String, Object> params) {
        return new Node(id, component, 1, null, params, new Position(0, 0));
    }

    public Node withParams(Map<String, Object> newParams) {
        return new Node(id, component, version, label, newParams, position);
    }

    /** The same node under the name the user gave it; null shows the component title. */
    public Node withLabel(String newLabel) {
        return new Node(id, component, version, newLabel, params, position);
    }

    public Node at(double x, double y) {
        return new Node(id, component, version, label, params, new Position(x, y));
    }

    /** Canvas coordinates of the node's top-left corner. */
    public record Position(double x, double y) {}
}
