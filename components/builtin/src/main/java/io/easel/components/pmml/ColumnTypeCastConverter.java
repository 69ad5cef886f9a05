package io.easel.components.pmml;

import io.easel.components.transform.ColumnTypeCast;
import io.easel.components.spi.SparkTypes;
import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.DataField;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Expression;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.OpType;
import org.dmg.pmml.PMMLFunctions;
import org.jpmml.converter.ExpressionUtil;
import org.jpmml.converter.Feature;
import org.jpmml.converter.TypeUtil;
import org.jpmml.sparkml.DatasetUtil;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link ColumnTypeCast}: each converted column becomes a derived field of the target type (named like
 * {@code double(duration)}, never the column's own name, which the raw input field already has), and the Spark
 * column is mapped to it, so later stages read the converted values. Conversions PMML does not do by itself are
 * spelled out to match Spark: truncation towards zero for decimals to integers, {@code 1/0} for booleans to
 * numbers, {@code != 0} for numbers to booleans, and Spark's words for text to booleans.
 *
 * <p>After the model (a numeric label decoded from its index) there is nothing to convert in PMML: its target field
 * already gives the label in the label's type.
 *
 * <p>Found by JPMML-SparkML through {@code META-INF/sparkml2pmml.properties}. A column converted twice in one
 * pipeline (fill missing whole numbers, which casts them back, after a type conversion) maps to the second
 * conversion's field, as a column written twice does ({@link ColumnConverter}).
 */
public final class ColumnTypeCastConverter extends ColumnConverter<ColumnTypeCast> {

    private static final List<String> TRUE_WORDS = List.of("t", "true", "y", "yes", "1");
    private static final List<String> FALSE_WORDS = List.of("f", "false", "n", "no", "0");

    public ColumnTypeCastConverter(ColumnTypeCast transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        ColumnTypeCast cast = getTransformer();
        DataType target = DatasetUtil.translateDataType(SparkTypes.toSpark(cast.getTargetType()));
        List<Feature> result = new ArrayList<>();
        List<String> outputs = cast.getOutputCols();
        for (int i = 0; i < outputs.size(); i++) {
            String column = cast.getInputCols().get(i);
            Feature input = encoder.getOnlyFeature(column);
            OpType opType = TypeUtil.getOpType(target);
            if (isPlaceholder(encoder, column, input)) {
                // e.g. IndexToString's decoded prediction after the model: PMML answers with the target field
                // itself, so the conversion of the placeholder is a placeholder too (and is pruned unused)
                result.add(encoder.createFeature(encoder.createDataField(uniqueName(encoder, target.value(), outputs.get(i)),
                        opType, target)));
                continue;
            }
            if (input.getDataType() == target) {
                result.add(input);
                continue;
            }
            DerivedField converted = encoder.createDerivedField(uniqueName(encoder, target.value(), column), opType, target,
                    conversion(input, target));
            result.add(encoder.createFeature(converted));
        }
        return result;
    }

    @Override
    protected List<String> outputColumns() {
        return getTransformer().getOutputCols();
    }

    /**
     * A column that is not a raw input but has a data field of its own: what JPMML-SparkML gives the output of
     * stages after the model, whose values come from the model's output rather than from an expression.
     */
    private static boolean isPlaceholder(SparkMLEncoder encoder, String column, Feature input) {
        return input.getField() instanceof DataField && !List.of(encoder.getSchema().fieldNames()).contains(column);
    }

    private static Expression conversion(Feature input, DataType target) {
        FieldRef value = input.ref();
        DataType source = input.getDataType();
        boolean numericSource = source == DataType.INTEGER || source == DataType.DOUBLE || source == DataType.FLOAT;
        return switch (target) {
            case INTEGER -> switch (source) {
                case DOUBLE, FLOAT -> ExpressionUtil.createApply(PMMLFunctions.IF,
                        ExpressionUtil.createApply(PMMLFunctions.GREATEROREQUAL, value, ExpressionUtil.createConstant(0)),
                        ExpressionUtil.createApply(PMMLFunctions.FLOOR, value),
                        ExpressionUtil.createApply(PMMLFunctions.CEIL, value));
                case BOOLEAN -> oneOrZero(value);
                default -> value;
            };
            case DOUBLE, FLOAT -> source == DataType.BOOLEAN ? oneOrZero(value) : value;
            case BOOLEAN -> numericSource
                    ? ExpressionUtil.createApply(PMMLFunctions.NOTEQUAL, value, ExpressionUtil.createConstant(0))
                    : textToBoolean(value);
            default -> value;
        };
    }

    private static Expression oneOrZero(FieldRef value) {
        return ExpressionUtil.createApply(PMMLFunctions.IF, value, ExpressionUtil.createConstant(1),
                ExpressionUtil.createConstant(0));
    }

    private static Expression textToBoolean(FieldRef value) {
        Expression word = ExpressionUtil.createApply(PMMLFunctions.LOWERCASE,
                ExpressionUtil.createApply(PMMLFunctions.TRIMBLANKS, value));
        return ExpressionUtil.createApply(PMMLFunctions.IF, isIn(word, TRUE_WORDS),
                ExpressionUtil.createConstant(DataType.BOOLEAN, true),
                ExpressionUtil.createApply(PMMLFunctions.IF, isIn(word, FALSE_WORDS),
                        ExpressionUtil.createConstant(DataType.BOOLEAN, false),
                        ExpressionUtil.createMissingConstant()));
    }

    private static Expression isIn(Expression word, List<String> words) {
        var apply = ExpressionUtil.createApply(PMMLFunctions.ISIN, word);
        words.forEach(w -> apply.addExpressions(ExpressionUtil.createConstant(DataType.STRING, w)));
        return apply;
    }
}
