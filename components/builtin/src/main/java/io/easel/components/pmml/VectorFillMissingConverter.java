package io.easel.components.pmml;

import io.easel.components.transform.VectorFillMissing;
import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.DataType;
import org.dmg.pmml.OpType;
import org.dmg.pmml.PMMLFunctions;
import org.jpmml.converter.ContinuousFeature;
import org.jpmml.converter.ExpressionUtil;
import org.jpmml.converter.Feature;
import org.jpmml.converter.FieldNameUtil;
import org.jpmml.sparkml.FeatureConverter;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link VectorFillMissing}: slot i is the derived field {@code if isMissing(x_i) then v_i else x_i}, as
 * Spark replaces a NaN slot.
 */
public final class VectorFillMissingConverter extends FeatureConverter<VectorFillMissing> {

    public VectorFillMissingConverter(VectorFillMissing transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        VectorFillMissing fill = getTransformer();
        List<Feature> x = encoder.getFeatures(fill.getInputCol());
        double[] values = fill.getValues();
        if (values.length != x.size()) {
            throw new IllegalArgumentException("VectorFillMissing: " + values.length + " values for " + x.size()
                    + " slots of '" + fill.getInputCol() + "'");
        }
        List<Feature> result = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ContinuousFeature slot = x.get(i).toContinuousFeature();
            result.add(new ContinuousFeature(encoder, encoder.createDerivedField(
                    FieldNameUtil.create(fill.getOutputCol(), i), OpType.CONTINUOUS, DataType.DOUBLE,
                    ExpressionUtil.createApply(PMMLFunctions.IF,
                            ExpressionUtil.createApply(PMMLFunctions.ISMISSING, slot.ref()),
                            ExpressionUtil.createConstant(DataType.DOUBLE, values[i]), slot.ref()))));
        }
        return result;
    }

    @Override
    public void registerFeatures(SparkMLEncoder encoder) {
        encoder.putFeatures(getTransformer().getOutputCol(), encodeFeatures(encoder));
    }
}
