package io.easel.component;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A named, typed port of a component. Ports are addressed by name, never by position.
 *
 * @param schema for output ports: how the output spec follows from the inputs and params; null for inputs
 * @param optional for input ports: whether the node may run with nothing connected
 * @param pmml for model output ports: whether the trained model is exported to PMML (and so can be deployed); null
 *     for other ports
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Port(String name, PortType type, Text title, boolean optional, SchemaRule schema, Boolean pmml) {

    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (pmml != null && type != PortType.MODEL) {
            throw new IllegalArgumentException("Port '" + name + "': only model ports say whether they export PMML");
        }
    }

    public static Port input(String name, PortType type, Text title) {
        return new Port(name, type, title, false, null, null);
    }

    /** An output port; a model port exports PMML unless {@link #withoutPmml()} says otherwise. */
    public static Port output(String name, PortType type, Text title, SchemaRule schema) {
        return new Port(name, type, title, false, Objects.requireNonNull(schema, "schema"),
                type == PortType.MODEL ? Boolean.TRUE : null);
    }

    public Port asOptional() {
        return new Port(name, type, title, true, schema, pmml);
    }

    /** A model port whose model has no PMML form (ALS, LDA …): it flows to other nodes but is not deployable. */
    public Port withoutPmml() {
        if (type != PortType.MODEL) {
            throw new IllegalStateException("Port '" + name + "' is not a model port");
        }
        return new Port(name, type, title, optional, schema, Boolean.FALSE);
    }

    /** Whether a model on this port is exported to PMML. */
    public boolean exportsPmml() {
        return Boolean.TRUE.equals(pmml);
    }
}
