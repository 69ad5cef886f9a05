package io.easel.components.pmml;

import io.easel.components.transform.CategoryFlags;
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
 * PMML for {@link CategoryFlags}: slot k of an output is the derived field
 * {@code if isMissing(x) then 0 else if x == category_k then 1 else 0}, so a missing or unseen value gives zeros
 * everywhere, as in Spark.
 */
public final class CategoryFlagsConverter extends FeatureConverter<CategoryFlags> {

    public CategoryFlagsConverter(CategoryFlags transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        List<Feature> all = new ArrayList<>();
        for (int i = 0; i < getTransformer().getInputCols().size(); i++) {
            all.addAll(flags(encoder, i));
        }
        return all;
    }

    @Override
    public void registerFeatures(SparkMLEncoder encoder) {
        CategoryFlags flags = getTransformer();
        for (int i = 0; i < flags.getInputCols().size(); i++) {
            encoder.putFeatures(flags.getOutputCols().get(i), flags(encoder, i));
        }
    }

    private List<Feature> flags(SparkMLEncoder encoder, int input) {
        CategoryFlags flags = getTransformer();
        Feature x = encoder.getOnlyFeature(flags.getInputCols().get(input));
        List<Feature> result = new ArrayList<>();
        for (String category : flags.getCategories().get(input)) {
            Expression flag = ExpressionUtil.createApply(PMMLFunctions.IF,
                    ExpressionUtil.createApply(PMMLFunctions.ISMISSING, x.ref()), zeroOrOne(0),
                    ExpressionUtil.createApply(PMMLFunctions.IF,
                            ExpressionUtil.createApply(PMMLFunctions.EQUAL, x.ref(),
                                    ExpressionUtil.createConstant(DataType.STRING, category)),
                            zeroOrOne(1), zeroOrOne(0)));
            String name = FieldNameUtil.create("flag", x.getName(), category);
            if (encoder.getDerivedField(name) == null) {
                encoder.createDerivedField(name, OpType.CONTINUOUS, DataType.DOUBLE, flag);
            }
            result.add(new ContinuousFeature(encoder, encoder.getDerivedField(name)));
        }
        return result;
    }

    private static Expression zeroOrOne(double value) {
        return ExpressionUtil.createConstant(DataType.DOUBLE, value);
    }
}
