package io.easel.components.learn;

import io.easel.component.BoundParams;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Port;
import io.easel.components.spi.InputSpecs;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.spi.Trainer;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * How a learner's model is trained again on other rows or with other params (cross-validation, tuning): the params
 * are bound against the new table exactly as a node's are, then the learner's own training runs.
 *
 * @param component the learner
 * @param input its training input port
 * @param params the params as the user set them on the training node, plus what training settled that training again
 *     must keep
 * @param training the learner's training on a table with bound params
 */
public record LearnerRetraining(ComponentDescriptor component, Port input, Map<String, Object> params,
        Training training) implements Trainer {

    /** A learner's training. */
    @FunctionalInterface
    public interface Training {
        ModelData train(SparkSession spark, TableData data, BoundParams params);
    }

    public LearnerRetraining {
        params = Map.copyOf(params);
    }

    @Override
    public ModelData train(SparkSession spark, TableData data, Map<String, Object> newParams) {
        return training.train(spark, data, InputSpecs.bind(component, newParams, Map.of(input.name(), data)));
    }
}
