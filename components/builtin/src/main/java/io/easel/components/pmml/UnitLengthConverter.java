package io.easel.components.pmml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.Normalizer;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
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
 * PMML for Spark's {@link Normalizer} with p = 2, which JPMML-SparkML does not convert: the derived field
 * {@code norm = sqrt(sum of x_i * x_i)}, then each slot {@code if norm = 0 then x_i else x_i / norm}, as Spark leaves
 * a vector of zeros as it is; every slot is missing when one is (NaN in Spark). Clustering learners scale rows to
 * unit length for cosine distance, the normalize-rows component any vector. Found by JPMML-SparkML through
 * {@code META-INF/sparkml2pmml.properties}.
 */
public final class UnitLengthConverter extends FeatureConverter<Normalizer> {

    public UnitLengthConverter(Normalizer transformer) {
        super(transformer);
    }

    @Override
    public List<Feature> encodeFeatures(SparkMLEncoder encoder) {
        Normalizer normalizer = getTransformer();
        if (normalizer.getP() != 2.0) {
            throw new IllegalArgumentException("Only the euclidean normalizer (p = 2) converts to PMML, not p = "
                    + normalizer.getP());
        }
        List<ContinuousFeature> slots = encoder.getFeatures(normalizer.getInputCol()).stream()
                .map(Feature::toContinuousFeature).toList();
        List<Expression> squares = new ArrayList<>();
        for (ContinuousFeature slot : slots) {
            squares.add(ExpressionUtil.createApply(PMMLFunctions.MULTIPLY, slot.ref(), slot.ref()));
        }
        Expression sumOfSquares = squares.size() == 1 ? squares.getFirst()
                : ExpressionUtil.createApply(PMMLFunctions.SUM, squares.toArray(Expression[]::new));
        // PMML's sum skips a missing term where Spark's norm is NaN: a missing slot makes the norm missing
        Expression present = null;
        for (ContinuousFeature slot : slots) {
            Expression notMissing = ExpressionUtil.createApply(PMMLFunctions.ISNOTMISSING, slot.ref());
            present = present == null ? notMissing : ExpressionUtil.createApply(PMMLFunctions.AND, present, notMissing);
        }
        ContinuousFeature norm = new ContinuousFeature(encoder, encoder.createDerivedField(
                FieldNameUtil.create("norm", normalizer.getOutputCol()), OpType.CONTINUOUS, DataType.DOUBLE,
                ExpressionUtil.createApply(PMMLFunctions.IF, present,
                        ExpressionUtil.createApply(PMMLFunctions.SQRT, sumOfSquares))));
        List<Feature> result = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            ContinuousFeature slot = slots.get(i);
            Expression scaled = ExpressionUtil.createApply(PMMLFunctions.IF,
                    ExpressionUtil.createApply(PMMLFunctions.ISNOTMISSING, norm.ref()),
                    ExpressionUtil.createApply(PMMLFunctions.IF,
                            ExpressionUtil.createApply(PMMLFunctions.EQUAL, norm.ref(),
                                    ExpressionUtil.createConstant(0d)),
                            slot.ref(),
                            ExpressionUtil.createApply(PMMLFunctions.DIVIDE, slot.ref(), norm.ref())));
            DerivedField field = encoder.createDerivedField(formatName(normalizer, i, slots.size()), OpType.CONTINUOUS,
                    DataType.DOUBLE, scaled);
            result.add(new ContinuousFeature(encoder, field));
        }
        return result;
    }
}
