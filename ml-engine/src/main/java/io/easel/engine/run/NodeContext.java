package io.easel.engine.run;

import io.easel.component.ComponentDescriptor;
import io.easel.component.BoundParams;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.components.spi.DataAccess;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.graph.Node;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What one node sees while it runs: the values on its connected inputs, its params bound against them, and a place
 * for its outputs.
 */
final class NodeContext implements ExecutionContext {

    private final SparkSession spark;
    private final Node node;
    private final ComponentDescriptor component;
    private final BoundParams params;
    private final Map<String, PortValue> inputs;
    private final Map<String, PortValue> outputs = new LinkedHashMap<>();
    private final DataAccess data;

    /** @param inputs by input port name; unconnected ports are absent */
    NodeContext(SparkSession spark, Node node, ComponentDescriptor component, BoundParams params,
            Map<String, PortValue> inputs, DataAccess data) {
        this.spark = spark;
        this.data = data;
        this.node = node;
        this.component = component;
        this.params = params;
        this.inputs = Map.copyOf(inputs);
    }

    @Override
    public SparkSession spark() {
        return spark;
    }

    @Override
    public String nodeId() {
        return node.id();
    }

    @Override
    public BoundParams params() {
        return params;
    }

    @Override
    public DataAccess data() {
        return data;
    }

    @Override
    public TableData table(Port input) {
        return input(input, PortType.TABLE) instanceof PortValue.Table t ? t.data() : null;
    }

    @Override
    public ModelData model(Port input) {
        return input(input, PortType.MODEL) instanceof PortValue.Model m ? m.data() : null;
    }

    @Override
    public void output(Port port, TableData table) {
        put(port, table == null ? null : new PortValue.Table(table));
    }

    @Override
    public void output(Port port, ModelData model) {
        put(port, model == null ? null : new PortValue.Model(model));
    }

    @Override
    public void output(Port port, ReportData report) {
        put(port, report == null ? null : new PortValue.Report(report));
    }

    /** What the node produced, in the order of its declared output ports. */
    Map<String, PortValue> outputs() {
        Map<String, PortValue> ordered = new LinkedHashMap<>();
        for (Port port : component.outputs()) {
            PortValue value = outputs.get(port.name());
            if (value == null) {
                throw new IllegalStateException(where() + " finished without producing output '" + port.name()
                        + "'");
            }
            ordered.put(port.name(), value);
        }
        return ordered;
    }

    private PortValue input(Port port, PortType expected) {
        Port declared = component.input(port.name()).orElseThrow(() -> new IllegalArgumentException(
                where() + " has no input port '" + port.name() + "'"));
        if (declared.type() != expected) {
            throw new IllegalArgumentException(where() + ": input '" + port.name() + "' is a "
                    + declared.type().jsonName() + " port, not a " + expected.jsonName() + " port");
        }
        PortValue value = inputs.get(port.name());
        if (value == null && !declared.optional()) {
            throw new IllegalStateException(where() + ": input '" + port.name() + "' is not connected");
        }
        return value;
    }

    private void put(Port port, PortValue value) {
        Port declared = component.output(port.name()).orElseThrow(() -> new IllegalArgumentException(
                where() + " has no output port '" + port.name() + "'"));
        if (value == null) {
            throw new IllegalArgumentException(where() + ": output '" + port.name() + "' was given nothing");
        }
        if (declared.type() != value.type()) {
            throw new IllegalArgumentException(where() + ": output '" + port.name() + "' is a "
                    + declared.type().jsonName() + " port but was given a " + value.type().jsonName());
        }
        if (outputs.putIfAbsent(port.name(), value) != null) {
            throw new IllegalStateException(where() + ": output '" + port.name() + "' was given twice");
        }
    }

    private String where() {
        return "Node '" + node.id() + "' (" + component.id() + ")";
    }
}
