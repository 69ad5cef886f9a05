package io.easel.components.pmml;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.dmg.pmml.Expression;
import org.dmg.pmml.PMMLFunctions;
import org.jpmml.converter.ExpressionUtil;
import org.jpmml.converter.Feature;
import org.jpmml.converter.FieldNameUtil;
import org.jpmml.sparkml.FeatureConverter;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * Base of the PMML converters of column-wise transformers, which write one output column per input column (e.g.
 * {@link FillMissingConverter}): a subclass encodes one feature per output column, in order, and this registers each
 * under its column's name for the stages after it. Public, for the converters of plugin jars too.
 *
 * @param <T> the transformer converted
 */
public abstract class ColumnConverter<T extends Transformer> extends FeatureConverter<T> {

    protected ColumnConverter(T transformer) {
        super(transformer);
    }

    /** The output columns, in the order of the features {@link #encodeFeatures} returns. */
    protected abstract List<String> outputColumns();

    @Override
    public void registerFeatures(SparkMLEncoder encoder) {
        List<Feature> features = encodeFeatures(encoder);
        List<String> outputs = outputColumns();
        for (int i = 0; i < outputs.size(); i++) {
            String output = outputs.get(i);
            if (encoder.hasFeatures(output)) {
                replaceFeature(encoder, output, features.get(i));
            } else {
                encoder.putOnlyFeature(output, features.get(i));
            }
        }
    }

    /**
     * Registers a column's new feature in place of the one an earlier step of the pipeline gave it: the second of
     * two steps that write into the same column (fill missing values, then scale those columns in place). The
     * encoder's own {@code putFeatures} refuses a feature of another name for a column it has features of, and has no
     * other way to replace them than its map of them.
     */
    private static void replaceFeature(SparkMLEncoder encoder, String column, Feature feature) {
        try {
            Field field = SparkMLEncoder.class.getDeclaredField("columnFeatures");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, List<Feature>> columnFeatures = (Map<String, List<Feature>>) field.get(encoder);
            columnFeatures.put(column, List.of(feature));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JPMML-SparkML's encoder no longer keeps its features in 'columnFeatures':"
                    + " steps that write into the same column cannot be exported", e);
        }
    }

    /**
     * {@code if isNotMissing(x) then value}: missing when x is, as Spark's column functions are. JPMML-Evaluator
     * refuses a missing argument to most functions (comparisons, {@code pow}) instead of returning missing.
     */
    protected static Expression missingWhenMissing(Feature x, Expression value) {
        return ExpressionUtil.createApply(PMMLFunctions.IF,
                ExpressionUtil.createApply(PMMLFunctions.ISNOTMISSING, x.ref()), value);
    }

    /**
     * A name for a new field, {@code function(column)}, numbered ({@code function(column, 2)}, …) when the pipeline
     * already has a field of that name (the same step applied twice to one column).
     */
    protected static String uniqueName(SparkMLEncoder encoder, String function, String column) {
        String name = FieldNameUtil.create(function, column);
        for (int i = 2; encoder.getDerivedField(name) != null || encoder.getDataField(name) != null; i++) {
            name = FieldNameUtil.create(function, column, i);
        }
        return name;
    }
}
