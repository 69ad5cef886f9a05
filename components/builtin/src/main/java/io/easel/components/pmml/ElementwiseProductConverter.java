package io.easel.components.pmml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.ElementwiseProduct;
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
 * PMML for Spark's ElementwiseProduct, which JPMML-SparkML 3.2.0 does not convert: slot i is the derived field
 * {@code x_i * w_i}, missing when x_i is (Spark's NaN).
 */
public final class ElementwiseProductConverter extends FeatureConverter<ElementwiseProduct> {

    public ElementwiseProductConverter(ElementwiseProduct transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        ElementwiseProduct product = getTransformer();
        List<Feature> x = encoder.getFeatures(product.getInputCol());
        double[] weights = product.getScalingVec().toArray();
        if (weights.length != x.size()) {
            throw new IllegalArgumentException("ElementwiseProduct: " + weights.length + " weights for "
                    + x.size() + " slots of '" + product.getInputCol() + "'");
        }
        List<Feature> result = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            result.add(new ContinuousFeature(encoder, encoder.createDerivedField(
                    FieldNameUtil.create(product.getOutputCol(), i), OpType.CONTINUOUS, DataType.DOUBLE,
                    ExpressionUtil.createApply(PMMLFunctions.MULTIPLY, x.get(i).toContinuousFeature().ref(),
                            ExpressionUtil.createConstant(DataType.DOUBLE, weights[i])))));
        }
        return result;
    }

    @Override
    public void registerFeatures(SparkMLEncoder encoder) {
        encoder.putFeatures(getTransformer().getOutputCol(), encodeFeatures(encoder));
    }
}
