package io.easel.component;

import java.util.List;
import java.util.Objects;

/**
 * A trained model as known before training: what it learns from and what applying it adds to a table. This is what
 * lets a predict node offer its output columns, and a feature-importance node its features, before any run.
 *
 * @param algorithm the training component's id
 * @param label the target column, or null for unsupervised models
 * @param features the columns the model reads, with their types as the model saw them
 * @param outputs the columns that applying the model appends to a table
 */
public record ModelSpec(String algorithm, ColumnSpec label, List<ColumnSpec> features, List<ColumnSpec> outputs)
        implements PortSpec {

    public ModelSpec {
        Objects.requireNonNull(algorithm, "algorithm");
        features = List.copyOf(features);
        outputs = List.copyOf(outputs);
    }

    @Override
    public PortType portType() {
        return PortType.MODEL;
    }
}
