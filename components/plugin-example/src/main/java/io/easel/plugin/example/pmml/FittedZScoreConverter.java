package io.easel.plugin.example.pmml;

import io.easel.components.pmml.ColumnConverter;
import io.easel.plugin.example.transform.FittedZScore;
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
 * PMML for {@link FittedZScore}: each score is the derived field {@code zscore(x)} = {@code (x - mean) / std} (or
 * {@code (x - mean) * 0} for a column without spread), whatever field {@code x} is. A missing {@code x} makes the
 * score missing, as in Spark. Each score is registered under its output column by Easel's {@link ColumnConverter}.
 * Found by JPMML-SparkML through this jar's {@code META-INF/sparkml2pmml.properties}.
 */
public final class FittedZScoreConverter extends ColumnConverter<FittedZScore> {

    public FittedZScoreConverter(FittedZScore transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        FittedZScore zScore = getTransformer();
        double[] means = zScore.getMeans();
        double[] stds = zScore.getStds();
        List<Feature> result = new ArrayList<>();
        for (int i = 0; i < means.length; i++) {
            Feature input = encoder.getOnlyFeature(zScore.getInputCols().get(i));
            Expression deviation = ExpressionUtil.createApply(PMMLFunctions.SUBTRACT, input.ref(),
                    ExpressionUtil.createConstant(DataType.DOUBLE, means[i]));
            Expression score = stds[i] > 0
                    ? ExpressionUtil.createApply(PMMLFunctions.DIVIDE, deviation,
                            ExpressionUtil.createConstant(DataType.DOUBLE, stds[i]))
                    : ExpressionUtil.createApply(PMMLFunctions.MULTIPLY, deviation,
                            ExpressionUtil.createConstant(DataType.DOUBLE, 0.0));
            DerivedField field = encoder.createDerivedField(uniqueName(encoder, "zscore", input.getName()),
                    OpType.CONTINUOUS, DataType.DOUBLE, score);
            result.add(new ContinuousFeature(encoder, field));
        }
        return result;
    }

    @Override
    protected List<String> outputColumns() {
        return getTransformer().getOutputCols();
    }
}
