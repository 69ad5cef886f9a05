package io.easel.components.pmml;

import io.easel.components.transform.ColumnBins;
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
 * PMML for {@link ColumnBins}: each output is {@code if x <= t1 then 0 else if x <= t2 then 1 … else n}; missing when x
 * is, as in Spark.
 */
public final class ColumnBinsConverter extends ColumnConverter<ColumnBins> {

    public ColumnBinsConverter(ColumnBins transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        ColumnBins bins = getTransformer();
        List<Feature> result = new ArrayList<>();
        for (int i = 0; i < bins.getInputCols().size(); i++) {
            ContinuousFeature x = encoder.getOnlyFeature(bins.getInputCols().get(i)).toContinuousFeature();
            double[] limits = bins.getThresholds()[i];
            Expression bin = ExpressionUtil.createConstant(DataType.DOUBLE, (double) limits.length);
            for (int b = limits.length - 1; b >= 0; b--) {
                bin = ExpressionUtil.createApply(PMMLFunctions.IF,
                        ExpressionUtil.createApply(PMMLFunctions.LESSOREQUAL, x.ref(),
                                ExpressionUtil.createConstant(DataType.DOUBLE, limits[b])),
                        ExpressionUtil.createConstant(DataType.DOUBLE, (double) b), bin);
            }
            result.add(new ContinuousFeature(encoder, encoder.createDerivedField(uniqueName(encoder, "bin",
                    x.getName()), OpType.CONTINUOUS, DataType.DOUBLE, missingWhenMissing(x, bin))));
        }
        return result;
    }

    @Override
    protected List<String> outputColumns() {
        return getTransformer().getOutputCols();
    }
}
