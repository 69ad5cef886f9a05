package io.easel.components.pmml;

import io.easel.components.transform.ColumnMath;
import io.easel.components.transform.ColumnMath.Function;
import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.DataType;
import org.dmg.pmml.Expression;
import org.dmg.pmml.OpType;
import org.dmg.pmml.PMMLFunctions;
import org.jpmml.converter.ContinuousFeature;
import org.jpmml.converter.ExpressionUtil;
import org.jpmml.converter.Feature;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for {@link ColumnMath}: each output is {@code if <x in the function's domain> then f(x)} (missing otherwise,
 * as in Spark), with PMML's {@code ln}, {@code ln1p}, {@code sqrt}, {@code pow}, {@code abs} and {@code exp}.
 */
public final class ColumnMathConverter extends ColumnConverter<ColumnMath> {

    public ColumnMathConverter(ColumnMath transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        ColumnMath math = getTransformer();
        List<Feature> result = new ArrayList<>();
        for (String input : math.getInputCols()) {
            ContinuousFeature x = encoder.getOnlyFeature(input).toContinuousFeature();
            Expression value = apply(math, x);
            Expression domain = domain(math, x);
            Expression defined = missingWhenMissing(x,
                    domain == null ? value : ExpressionUtil.createApply(PMMLFunctions.IF, domain, value));
            result.add(new ContinuousFeature(encoder, encoder.createDerivedField(
                    uniqueName(encoder, math.getFunction().jsonName(), x.getName()), OpType.CONTINUOUS,
                    DataType.DOUBLE, defined)));
        }
        return result;
    }

    @Override
    protected List<String> outputColumns() {
        return getTransformer().getOutputCols();
    }

    private static Expression apply(ColumnMath math, ContinuousFeature x) {
        return switch (math.getFunction()) {
            case LOG -> ExpressionUtil.createApply(PMMLFunctions.LN, x.ref());
            case LOG1P -> ExpressionUtil.createApply(PMMLFunctions.LN1P, x.ref());
            case SQRT -> ExpressionUtil.createApply(PMMLFunctions.SQRT, x.ref());
            case POWER -> ExpressionUtil.createApply(PMMLFunctions.POW, x.ref(), constant(math.getExponent()));
            case ABS -> ExpressionUtil.createApply(PMMLFunctions.ABS, x.ref());
            case EXP -> ExpressionUtil.createApply(PMMLFunctions.EXP, x.ref());
        };
    }

    /** The condition for a defined result, as {@link ColumnMath} states it; null where every number is. */
    private static Expression domain(ColumnMath math, ContinuousFeature x) {
        double power = math.getExponent();
        return switch (math.getFunction()) {
            case LOG -> compare(PMMLFunctions.GREATERTHAN, x, 0);
            case LOG1P -> compare(PMMLFunctions.GREATERTHAN, x, -1);
            case SQRT -> compare(PMMLFunctions.GREATEROREQUAL, x, 0);
            case POWER -> Function.powerOfNegatives(power)
                    ? (power < 0 ? compare(PMMLFunctions.NOTEQUAL, x, 0) : null)
                    : compare(power < 0 ? PMMLFunctions.GREATERTHAN : PMMLFunctions.GREATEROREQUAL, x, 0);
            case ABS, EXP -> null;
        };
    }

    private static Expression compare(String function, ContinuousFeature x, double value) {
        return ExpressionUtil.createApply(function, x.ref(), constant(value));
    }

    private static Expression constant(double value) {
        return ExpressionUtil.createConstant(DataType.DOUBLE, value);
    }
}
