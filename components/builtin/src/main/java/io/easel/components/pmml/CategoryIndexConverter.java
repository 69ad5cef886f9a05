package io.easel.components.pmml;

import io.easel.components.transform.CategoryIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.dmg.pmml.DataType;
import org.dmg.pmml.MapValues;
import org.dmg.pmml.OpType;
import org.jpmml.converter.ContinuousFeature;
import org.jpmml.converter.ExpressionUtil;
import org.jpmml.converter.Feature;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link CategoryIndex}: each output is a {@code MapValues} from the input's categories to their positions,
 * whose default and missing value are the number after the last category, as in Spark. A plain continuous number.
 */
public final class CategoryIndexConverter extends ColumnConverter<CategoryIndex> {

    public CategoryIndexConverter(CategoryIndex transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        CategoryIndex index = getTransformer();
        List<Feature> result = new ArrayList<>();
        for (int i = 0; i < index.getInputCols().size(); i++) {
            Feature x = encoder.getOnlyFeature(index.getInputCols().get(i));
            List<String> categories = index.getCategories().get(i);
            MapValues positions = ExpressionUtil.createMapValues(x.getName(), categories,
                    IntStream.range(0, categories.size()).mapToObj(k -> (double) k).toList());
            positions.setDataType(DataType.DOUBLE)
                    .setDefaultValue((double) categories.size())
                    .setMapMissingTo((double) categories.size());
            result.add(new ContinuousFeature(encoder, encoder.createDerivedField(
                    uniqueName(encoder, "index", x.getName()), OpType.CONTINUOUS, DataType.DOUBLE, positions)));
        }
        return result;
    }

    @Override
    protected List<String> outputColumns() {
        return getTransformer().getOutputCols();
    }
}
