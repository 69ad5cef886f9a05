package io.easel.engine.run;

import io.easel.component.BoundParams;
import io.easel.component.ComponentDescriptor;
import io.easel.components.spi.DataAccess;
import io.easel.components.spi.InputSpecs;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.components.spi.Trainer;
import io.easel.graph.Node;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The trainer of a model loaded from the cache: training again runs the learner's component on the new table with
 * the new params, as a node of its own would, and takes the model it outputs.
 *
 * @param learner the component that trained the model
 * @param input its table input port
 * @param params the params training again starts from
 */
record RetrainingByExecution(SparkComponent learner, String input, Map<String, Object> params, DataAccess data)
        implements Trainer {

    RetrainingByExecution {
        params = Map.copyOf(params);
    }

    @Override
    public ComponentDescriptor component() {
        return learner.descriptor();
    }

    @Override
    public ModelData train(SparkSession spark, TableData table, Map<String, Object> newParams) {
        ComponentDescriptor descriptor = learner.descriptor();
        BoundParams bound = InputSpecs.bind(descriptor, newParams, Map.of(input, table));
        NodeContext context = new NodeContext(spark, Node.of("retraining-" + descriptor.id(), descriptor.id(),
                newParams), descriptor, bound, Map.of(input, new PortValue.Table(table)), data);
        try {
            learner.execute(context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(descriptor.id() + " could not train again: " + e.getMessage(), e);
        }
        return context.outputs().values().stream()
                .filter(PortValue.Model.class::isInstance)
                .map(value -> ((PortValue.Model) value).data())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(descriptor.id() + " output no model"));
    }
}
