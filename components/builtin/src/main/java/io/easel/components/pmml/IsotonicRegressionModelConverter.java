package io.easel.components.pmml;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.regression.IsotonicRegressionModel;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Field;
import org.dmg.pmml.LinearNorm;
import org.dmg.pmml.MiningFunction;
import org.dmg.pmml.Model;
import org.dmg.pmml.NormContinuous;
import org.dmg.pmml.OpType;
import org.dmg.pmml.OutlierTreatmentMethod;
import org.dmg.pmml.OutputField;
import org.dmg.pmml.regression.RegressionModel;
import org.jpmml.converter.ContinuousFeature;
import org.jpmml.converter.ContinuousLabel;
import org.jpmml.converter.DerivedOutputField;
import org.jpmml.converter.Feature;
import org.jpmml.converter.FieldNameUtil;
import org.jpmml.converter.Label;
import org.jpmml.converter.ModelUtil;
import org.jpmml.converter.Schema;
import org.jpmml.converter.regression.RegressionModelUtil;
import org.jpmml.sparkml.ModelConverter;
import org.jpmml.sparkml.SparkMLEncoder;

/**
 * PMML for Spark's {@code IsotonicRegressionModel}, which JPMML-SparkML 3.2.0 does not convert. Spark predicts by
 * linear interpolation between its boundaries and holds the first and last prediction beyond them; a PMML
 * {@code NormContinuous} with a {@code LinearNorm} per boundary and extreme values for outliers is that same
 * piecewise-linear function, of the one feature the model reads. A regression on it with coefficient 1 makes it the
 * predicted value.
 */
public final class IsotonicRegressionModelConverter extends ModelConverter<IsotonicRegressionModel> {

    public IsotonicRegressionModelConverter(IsotonicRegressionModel model) {
        super(model);
    }

    @Override
    public MiningFunction getMiningFunction() {
        return MiningFunction.REGRESSION;
    }

    @Override
    public Label getLabel(SparkMLEncoder encoder) {
        Feature label = encoder.getOnlyFeature(getModel().getLabelCol());
        Field<?> field = encoder.toContinuous(label.getName());
        field.setDataType(DataType.DOUBLE);
        return new ContinuousLabel(field);
    }

    @Override
    public List<Feature> getFeatures(SparkMLEncoder encoder) {
        IsotonicRegressionModel model = getModel();
        Feature input = encoder.getFeatures(model.getFeaturesCol()).get(model.getFeatureIndex());
        ContinuousFeature continuous = input.toContinuousFeature();
        Vector boundaries = model.boundaries();
        Vector predictions = model.predictions();
        NormContinuous curve = new NormContinuous(continuous.getName(), null)
                .setOutlierTreatment(OutlierTreatmentMethod.AS_EXTREME_VALUES);
        for (int i = 0; i < boundaries.size(); i++) {
            curve.addLinearNorms(new LinearNorm(boundaries.apply(i), predictions.apply(i)));
        }
        if (boundaries.size() == 1) {
            // one boundary: Spark predicts its value everywhere; PMML needs two points to draw that flat line
            curve.addLinearNorms(new LinearNorm(boundaries.apply(0) + 1, predictions.apply(0)));
        }
        DerivedField fitted = encoder.createDerivedField(FieldNameUtil.create("isotonic", continuous.getName()),
                OpType.CONTINUOUS, DataType.DOUBLE, curve);
        return List.of(new ContinuousFeature(encoder, fitted));
    }

    @Override
    public RegressionModel encodeModel(Schema schema) {
        return RegressionModelUtil.createRegression(schema.getFeatures(), List.of(1d), null,
                RegressionModel.NormalizationMethod.NONE, schema);
    }

    /** The prediction as a continuous output, available to later stages as Spark's prediction column is. */
    @Override
    public List<OutputField> registerOutputFields(Label label, Model pmml, SparkMLEncoder encoder) {
        String prediction = getModel().getPredictionCol();
        OutputField predicted = ModelUtil.createPredictedField(prediction, OpType.CONTINUOUS, DataType.DOUBLE);
        DerivedOutputField field = encoder.createDerivedField(pmml, predicted, true);
        encoder.putOnlyFeature(prediction, new ContinuousFeature(encoder, field));
        return List.of();
    }
}
