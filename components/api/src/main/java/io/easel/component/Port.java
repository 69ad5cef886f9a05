package io.easel.component;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A named, typed port of a component. Ports are addressed by name, never by position.
 *
 * @param schema for output ports: how the output spec follows from the inputs and params; null for inputs
 * @param optional for input ports: whether the node may run with nothing connected
 * @param pmml for model output ports: whether the trained model is exported to PMML (and so can be deployed); null
 *     for other ports, and for ports whose PMML follows an input ({@code pmmlAsInput})
 * @param pmmlAsInput for model output ports that pass on the kind of model arriving at a model input (the best model
 *     of a tuning, trained like the input's): that input port; the model is exported to PMML exactly when the input's
 *     is. Null for other ports
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Port(String name, PortType type, Text title, boolean optional, SchemaRule schema, Boolean pmml,
        String pmmlAsInput) {

    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if ((pmml != null || pmmlAsInput != null) && type != PortType.MODEL) {
            throw new IllegalArgumentException("Port '" + name + "': only model ports say whether they export PMML");
        }
    }

    public static Port input(String name, PortType type, Text title) {
        return new Port(name, type, title, false, null, null, null);
    }

    /** An output port; a model port exports PMML unless {@link #withoutPmml()} says otherwise. */
    public static Port output(String name, PortType type, Text title, SchemaRule schema) {
        return new Port(name, type, title, false, Objects.requireNonNull(schema, "schema"),
                type == PortType.MODEL ? Boolean.TRUE : null, null);
    }

    public Port asOptional() {
        return new Port(name, type, title, true, schema, pmml, pmmlAsInput);
    }

    /** A model port whose model has no PMML form (ALS, LDA …): it flows to other nodes but is not deployable. */
    public Port withoutPmml() {
        requireModel();
        return new Port(name, type, title, optional, schema, Boolean.FALSE, null);
    }

    /**
     * A model port whose model is of the kind arriving at the model input {@code input} (trained again by the same
     * learner): exported to PMML exactly when that input's model is, which only the graph tells (see
     * {@code io.easel.graph.PmmlExports}).
     */
    public Port withPmmlAsInput(Port input) {
        requireModel();
        return new Port(name, type, title, optional, schema, null, input.name());
    }

    /**
     * Whether a model on this port is always exported to PMML; false for a port whose PMML follows an input
     * ({@link #pmmlAsInput()}), which only the graph can tell.
     */
    public boolean exportsPmml() {
        return Boolean.TRUE.equals(pmml);
    }

    private void requireModel() {
        if (type != PortType.MODEL) {
            throw new IllegalStateException("Port '" + name + "' is not a model port");
        }
    }
}
