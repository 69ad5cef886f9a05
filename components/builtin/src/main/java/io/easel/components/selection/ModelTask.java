package io.easel.components.selection;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ModelData;

/** What a trained model does, as its spec and classes tell: which metrics mean something for it. */
public enum ModelTask {
    /** One of two classes. */
    BINARY(Category.CLASSIFICATION),
    /** One of three or more classes. */
    MULTICLASS(Category.CLASSIFICATION),
    /** A number. */
    REGRESSION(Category.REGRESSION),
    /** A cluster per row. */
    CLUSTERING(Category.CLUSTERING);

    private final Category learners;

    ModelTask(Category learners) {
        this.learners = learners;
    }

    /** The category of the learners that train such models. */
    public Category learners() {
        return learners;
    }

    /**
     * @param componentId who asks, for messages
     * @throws IllegalArgumentException for a model that neither predicts a label nor assigns clusters (a topic model)
     */
    public static ModelTask of(String componentId, ModelData model) {
        if (model.spec().label() != null) {
            return switch (model.labels().size()) {
                case 0 -> REGRESSION;
                case 2 -> BINARY;
                default -> MULTICLASS;
            };
        }
        if (model.spec().outputs().stream().map(ColumnSpec::name).anyMatch(ClusteringLearner.CLUSTER::equals)) {
            return CLUSTERING;
        }
        throw new IllegalArgumentException(componentId + ": the model from '" + model.spec().algorithm()
                + "' neither predicts a label nor assigns clusters (it adds " + model.spec().outputs().stream()
                .map(ColumnSpec::name).toList() + "), so there is nothing to measure it by; connect a classifier, "
                + "a regressor or a clustering model");
    }

    /** Whether rows should be divided keeping each class's share: for classifiers. */
    public boolean hasClasses() {
        return this == BINARY || this == MULTICLASS;
    }
}
