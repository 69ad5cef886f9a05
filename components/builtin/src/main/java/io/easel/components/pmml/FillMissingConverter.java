package io.easel.components.pmml;

import io.easel.components.transform.FillMissing;
import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.OpType;
import org.dmg.pmml.PMMLFunctions;
import org.jpmml.converter.CategoricalFeature;
import org.jpmml.converter.ContinuousFeature;
import org.jpmml.converter.ExpressionUtil;
import org.jpmml.converter.Feature;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link FillMissing}: each filled column becomes the derived field {@code filled(x)} =
 * {@code if isMissing(x) then v else x}, whatever field {@code x} is: a continuous double for numbers, a categorical
 * string for text (whose categories, the missing one included, the indexer after it declares). Found by
 * JPMML-SparkML through {@code META-INF/sparkml2pmml.properties}.
 */
public final class FillMissingConverter extends ColumnConverter<FillMissing> {

    public FillMissingConverter(FillMissing transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        FillMissing fill = getTransformer();
        List<String> values = fill.getValues();
        List<Feature> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Feature input = encoder.getOnlyFeature(fill.getInputCols().get(i));
            boolean text = input.getDataType() == DataType.STRING;
            var filled = ExpressionUtil.createApply(PMMLFunctions.IF,
                    ExpressionUtil.createApply(PMMLFunctions.ISMISSING, input.ref()),
                    text ? ExpressionUtil.createConstant(DataType.STRING, values.get(i))
                            : ExpressionUtil.createConstant(DataType.DOUBLE, Double.parseDouble(values.get(i))),
                    input.ref());
            DerivedField field = encoder.createDerivedField(uniqueName(encoder, "filled", input.getName()),
                    text ? OpType.CATEGORICAL : OpType.CONTINUOUS, text ? DataType.STRING : DataType.DOUBLE, filled);
            result.add(text ? new CategoricalFeature(encoder, field, values(input, values.get(i)))
                    : new ContinuousFeature(encoder, field));
        }
        return result;
    }

    @Override
    protected List<String> outputColumns() {
        return getTransformer().getOutputCols();
    }

    /** The input's categories, when known, and the one that stands for missing. */
    private static List<Object> values(Feature input, String missing) {
        List<Object> values = new ArrayList<>();
        if (input instanceof CategoricalFeature categorical) {
            values.addAll(categorical.getValues());
        }
        if (!values.contains(missing)) {
            values.add(missing);
        }
        return values;
    }
}
