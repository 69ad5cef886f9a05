package io.easel.components.pmml;

import io.easel.components.transform.ColumnScaling;
import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.DataType;
import org.dmg.pmml.OpType;
import org.dmg.pmml.PMMLFunctions;
import org.jpmml.converter.ContinuousFeature;
import org.jpmml.converter.ExpressionUtil;
import org.jpmml.converter.Feature;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link ColumnScaling}: each output is the derived field {@code scaled(x) = (x - center) * factor}, in the
 * order Spark computes it; a missing x gives a missing result, as in Spark.
 */
public final class ColumnScalingConverter extends ColumnConverter<ColumnScaling> {

    public ColumnScalingConverter(ColumnScaling transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        ColumnScaling scaling = getTransformer();
        List<Feature> result = new ArrayList<>();
        for (int i = 0; i < scaling.getInputCols().size(); i++) {
            ContinuousFeature x = encoder.getOnlyFeature(scaling.getInputCols().get(i)).toContinuousFeature();
            var scaled = ExpressionUtil.createApply(PMMLFunctions.MULTIPLY,
                    ExpressionUtil.createApply(PMMLFunctions.SUBTRACT, x.ref(),
                            ExpressionUtil.createConstant(DataType.DOUBLE, scaling.getCenters()[i])),
                    ExpressionUtil.createConstant(DataType.DOUBLE, scaling.getFactors()[i]));
            result.add(new ContinuousFeature(encoder, encoder.createDerivedField(
                    uniqueName(encoder, "scaled", x.getName()), OpType.CONTINUOUS, DataType.DOUBLE, scaled)));
        }
        return result;
    }

    @Override
    protected List<String> outputColumns() {
        return getTransformer().getOutputCols();
    }
}
