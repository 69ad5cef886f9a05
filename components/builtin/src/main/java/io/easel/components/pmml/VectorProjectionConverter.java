package io.easel.components.pmml;

import io.easel.components.transform.VectorProjection;
import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.DataType;
import org.dmg.pmml.Expression;
import org.dmg.pmml.OpType;
import org.dmg.pmml.PMMLFunctions;
import org.jpmml.converter.ContinuousFeature;
import org.jpmml.converter.ExpressionUtil;
import org.jpmml.converter.Feature;
import org.jpmml.converter.FieldNameUtil;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link VectorProjection}: slot k is {@code if every x_i is present then w_k1 * x_1 + w_k2 * x_2 + …},
 * added in Spark's order, so a missing input slot gives missing output slots as Spark gives NaN.
 */
public final class VectorProjectionConverter extends org.jpmml.sparkml.FeatureConverter<VectorProjection> {

    public VectorProjectionConverter(VectorProjection transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        VectorProjection projection = getTransformer();
        List<ContinuousFeature> x = encoder.getFeatures(projection.getInputCol()).stream()
                .map(Feature::toContinuousFeature).toList();
        Expression present = null;
        for (ContinuousFeature slot : x) {
            Expression notMissing = ExpressionUtil.createApply(PMMLFunctions.ISNOTMISSING, slot.ref());
            present = present == null ? notMissing : ExpressionUtil.createApply(PMMLFunctions.AND, present, notMissing);
        }
        double[][] weights = projection.getWeights();
        List<Feature> result = new ArrayList<>();
        for (int k = 0; k < weights.length; k++) {
            Expression sum = null;
            for (int i = 0; i < x.size(); i++) {
                Expression term = ExpressionUtil.createApply(PMMLFunctions.MULTIPLY, x.get(i).ref(),
                        ExpressionUtil.createConstant(DataType.DOUBLE, weights[k][i]));
                sum = sum == null ? term : ExpressionUtil.createApply(PMMLFunctions.ADD, sum, term);
            }
            result.add(new ContinuousFeature(encoder, encoder.createDerivedField(
                    FieldNameUtil.create(projection.getOutputCol(), k), OpType.CONTINUOUS, DataType.DOUBLE,
                    ExpressionUtil.createApply(PMMLFunctions.IF, present, sum))));
        }
        return result;
    }

    @Override
    public void registerFeatures(SparkMLEncoder encoder) {
        encoder.putFeatures(getTransformer().getOutputCol(), encodeFeatures(encoder));
    }
}
