package io.easel.components.pmml;

import io.easel.components.transform.RenameColumns;
import java.util.List;
import org.jpmml.converter.Feature;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link RenameColumns}: each new name stands for the old column's feature, with no field of its own.
 * Found by JPMML-SparkML through {@code META-INF/sparkml2pmml.properties}.
 */
public final class RenameColumnsConverter extends ColumnConverter<RenameColumns> {

    public RenameColumnsConverter(RenameColumns transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        return getTransformer().getInputCols().stream().map(encoder::getOnlyFeature).toList();
    }

    @Override
    protected List<String> outputColumns() {
        return getTransformer().getOutputCols();
    }
}
