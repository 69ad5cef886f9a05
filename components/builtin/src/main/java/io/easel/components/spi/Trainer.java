package io.easel.components.spi;

import io.easel.component.ComponentDescriptor;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * How a model was trained, so that it can be trained again on other rows or with other params: what
 * cross-validation and hyperparameter tuning do with any learner's model.
 */
public interface Trainer {

    /** The training component's declaration (its params are what a search space may tune). */
    ComponentDescriptor component();

    /** The training component's id. */
    default String componentId() {
        return component().id();
    }

    /**
     * The params as the user set them on the training node, plus what training settled that training again must keep
     * (the positive class of two).
     */
    Map<String, Object> params();

    /**
     * Trains the same learner on {@code data} with {@code params} (as a user would set them; bound and checked like
     * a node's).
     *
     * @throws IllegalArgumentException naming the param or column at fault
     */
    ModelData train(SparkSession spark, TableData data, Map<String, Object> params);
}
