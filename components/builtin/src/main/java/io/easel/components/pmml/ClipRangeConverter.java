package io.easel.components.pmml;

import io.easel.components.transform.ClipRange;
import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Expression;
import org.dmg.pmml.OpType;
import org.dmg.pmml.PMMLFunctions;
import org.jpmml.converter.ContinuousFeature;
import org.jpmml.converter.ExpressionUtil;
import org.jpmml.converter.Feature;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link ClipRange}: {@code clipped(x)} = {@code if isMissing(x) then missing else if x < lo then lo else if
 * x > hi then hi else x}, in the column's own type. Found by JPMML-SparkML through
 * {@code META-INF/sparkml2pmml.properties}.
 */
public final class ClipRangeConverter extends ColumnConverter<ClipRange> {

    public ClipRangeConverter(ClipRange transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        ClipRange clip = getTransformer();
        List<Feature> result = new ArrayList<>();
        for (int i = 0; i < clip.getInputCols().size(); i++) {
            Feature input = encoder.getOnlyFeature(clip.getInputCols().get(i));
            DataType type = input.getDataType();
            Expression low = bound(type, clip.getLower()[i]);
            Expression high = bound(type, clip.getUpper()[i]);
            Expression clipped = ExpressionUtil.createApply(PMMLFunctions.IF,
                    ExpressionUtil.createApply(PMMLFunctions.ISMISSING, input.ref()),
                    ExpressionUtil.createMissingConstant(),
                    ExpressionUtil.createApply(PMMLFunctions.IF,
                            ExpressionUtil.createApply(PMMLFunctions.LESSTHAN, input.ref(), low), low,
                            ExpressionUtil.createApply(PMMLFunctions.IF,
                                    ExpressionUtil.createApply(PMMLFunctions.GREATERTHAN, input.ref(), high), high,
                                    input.ref())));
            DerivedField field = encoder.createDerivedField(uniqueName(encoder, "clipped", input.getName()),
                    OpType.CONTINUOUS, type, clipped);
            result.add(new ContinuousFeature(encoder, field));
        }
        return result;
    }

    @Override
    protected List<String> outputColumns() {
        return getTransformer().getOutputCols();
    }

    private static Expression bound(DataType type, double value) {
        return type == DataType.INTEGER ? ExpressionUtil.createConstant(type, (int) Math.round(value))
                : ExpressionUtil.createConstant(type, value);
    }
}
