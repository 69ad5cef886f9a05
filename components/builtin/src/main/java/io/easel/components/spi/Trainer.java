package io.easel.components.spi;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * How a model was trained, so that it can be trained again on other rows or with other params: what
 * cross-validation and hyperparameter tuning do with any learner's model.
 */
public interface Trainer {

    /** The training component's id. */
    String componentId();

    /** The params as the user set them on the training node. */
    Map<String, Object> params();

    /**
     * Trains the same learner on {@code data} with {@code params} (as a user would set them; bound and checked like
     * a node's).
     *
     * @throws IllegalArgumentException naming the param or column at fault
     */
    ModelData train(SparkSession spark, TableData data, Map<String, Object> params);
}
