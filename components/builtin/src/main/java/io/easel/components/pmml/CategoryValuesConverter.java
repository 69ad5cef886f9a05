package io.easel.components.pmml;

import io.easel.components.transform.CategoryValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dmg.pmml.DataType;
import org.dmg.pmml.MapValues;
import org.dmg.pmml.OpType;
import org.jpmml.converter.ContinuousFeature;
import org.jpmml.converter.ExpressionUtil;
import org.jpmml.converter.Feature;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link CategoryValues}: each output is a {@code MapValues} from the input's categories to their numbers,
 * whose default and missing value are the input's "unseen" number, as in Spark. A plain continuous number.
 */
public final class CategoryValuesConverter extends ColumnConverter<CategoryValues> {

    public CategoryValuesConverter(CategoryValues transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        CategoryValues mapping = getTransformer();
        List<Feature> result = new ArrayList<>();
        for (int i = 0; i < mapping.getInputCols().size(); i++) {
            Feature x = encoder.getOnlyFeature(mapping.getInputCols().get(i));
            MapValues numbers = ExpressionUtil.createMapValues(x.getName(), mapping.getCategories().get(i),
                    Arrays.stream(mapping.getValues().get(i)).boxed().toList());
            numbers.setDataType(DataType.DOUBLE)
                    .setDefaultValue(mapping.getUnseenValues()[i])
                    .setMapMissingTo(mapping.getUnseenValues()[i]);
            result.add(new ContinuousFeature(encoder, encoder.createDerivedField(
                    uniqueName(encoder, mapping.getIndices() ? "index" : "mapped", x.getName()), OpType.CONTINUOUS,
                    DataType.DOUBLE, numbers)));
        }
        return result;
    }

    @Override
    protected List<String> outputColumns() {
        return getTransformer().getOutputCols();
    }
}
