package io.easel.component;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A named, typed port of a component. Ports are addressed by name, never by position.
 *
 * @param schema for output ports: how the output spec follows from the inputs and params; null for inputs
 * @param optional for input ports: whether the node may run with nothing connected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Port(String name, PortType type, Text title, boolean optional, SchemaRule schema) {

    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
    }

    public static Port input(String name, PortType type, Text title) {
        return new Port(name, type, title, false, null);
    }

    public static Port output(String name, PortType type, Text title, SchemaRule schema) {
        return new Port(name, type, title, false, Objects.requireNonNull(schema, "schema"));
    }

    public Port asOptional() {
        return new Port(name, type, title, true, schema);
    }
}
