package io.easel.components.pmml;

import io.easel.components.transform.Monomials;
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
import org.jpmml.sparkml.FeatureConverter;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link Monomials}: each slot is the product of its factors, multiplied in Spark's order; a missing factor
 * makes it missing.
 */
public final class MonomialsConverter extends FeatureConverter<Monomials> {

    public MonomialsConverter(Monomials transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        Monomials monomials = getTransformer();
        List<ContinuousFeature> x = monomials.getInputCols().stream()
                .map(c -> encoder.getOnlyFeature(c).toContinuousFeature()).toList();
        List<Feature> result = new ArrayList<>();
        List<int[]> products = monomials.products();
        for (int k = 0; k < products.size(); k++) {
            int[] factors = products.get(k);
            if (factors.length == 1) {
                result.add(x.get(factors[0]));
                continue;
            }
            Expression product = x.get(factors[0]).ref();
            for (int f = 1; f < factors.length; f++) {
                product = ExpressionUtil.createApply(PMMLFunctions.MULTIPLY, product, x.get(factors[f]).ref());
            }
            result.add(new ContinuousFeature(encoder, encoder.createDerivedField(
                    FieldNameUtil.create(monomials.getOutputCol(), k), OpType.CONTINUOUS, DataType.DOUBLE, product)));
        }
        return result;
    }

    @Override
    public void registerFeatures(SparkMLEncoder encoder) {
        encoder.putFeatures(getTransformer().getOutputCol(), encodeFeatures(encoder));
    }
}
