package io.easel.components.pmml;

import io.easel.components.transform.ExportableGlmModel;
import java.util.Locale;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.dmg.pmml.MiningFunction;
import org.dmg.pmml.Target;
import org.dmg.pmml.Targets;
import org.dmg.pmml.general_regression.GeneralRegressionModel;
import org.dmg.pmml.general_regression.GeneralRegressionModel.Distribution;
import org.dmg.pmml.general_regression.GeneralRegressionModel.LinkFunction;
import org.jpmml.converter.ModelUtil;
import org.jpmml.converter.ScalarLabel;
import org.jpmml.converter.Schema;
import org.jpmml.converter.general_regression.GeneralRegressionModelUtil;
import org.jpmml.sparkml.RegressionModelConverter;
import org.jpmml.sparkml.VectorUtil;

/**
 * PMML for {@link ExportableGlmModel}: a generalized linear {@code GeneralRegressionModel} predicting the mean, for
 * every family (tweedie included) and link Spark fits. Spark keeps the mean inside the family's range (at least
 * 1e-16 for the tweedie-like families, within [1e-16, 1 − 1e-16] for binomial); the PMML target's bounds do the
 * same, so both predict alike for any row.
 */
public final class ExportableGlmModelConverter extends RegressionModelConverter<GeneralizedLinearRegressionModel> {

    /** Spark's {@code GeneralizedLinearRegression.epsilon}, the closest a mean comes to the family's bounds. */
    private static final double EPSILON = 1e-16;

    public ExportableGlmModelConverter(ExportableGlmModel model) {
        super(model);
    }

    @Override
    public MiningFunction getMiningFunction() {
        return MiningFunction.REGRESSION;
    }

    @Override
    public GeneralRegressionModel encodeModel(Schema schema) {
        GeneralizedLinearRegressionModel model = getModel();
        String family = model.getFamily().toLowerCase(Locale.ROOT);
        GeneralRegressionModel pmml = new GeneralRegressionModel(GeneralRegressionModel.ModelType.GENERALIZED_LINEAR,
                MiningFunction.REGRESSION, ModelUtil.createMiningSchema(schema.getLabel()), null, null, null)
                .setDistribution(distribution(family));
        if (family.equals("tweedie")) {
            double power = model.isSet(model.linkPower()) ? model.getLinkPower() : 1 - model.getVariancePower();
            if (power == 0) {
                pmml.setLinkFunction(LinkFunction.LOG);
            } else {
                pmml.setLinkFunction(LinkFunction.POWER).setLinkParameter(power);
            }
        } else {
            setLink(pmml, model.getLink().toLowerCase(Locale.ROOT));
        }
        GeneralRegressionModelUtil.encodeRegressionTable(pmml, schema.getFeatures(),
                VectorUtil.toList(model.coefficients()), model.intercept(), null);
        if (!family.equals("gaussian")) {
            Target bounds = new Target().setField(((ScalarLabel) schema.getLabel()).getName()).setMin(EPSILON);
            if (family.equals("binomial")) {
                bounds.setMax(1 - EPSILON);
            }
            pmml.setTargets(new Targets().addTargets(bounds));
        }
        return pmml;
    }

    private static Distribution distribution(String family) {
        return switch (family) {
            case "gaussian" -> Distribution.NORMAL;
            case "binomial" -> Distribution.BINOMIAL;
            case "poisson" -> Distribution.POISSON;
            case "gamma" -> Distribution.GAMMA;
            case "tweedie" -> Distribution.TWEEDIE;
            default -> throw new IllegalArgumentException("No PMML distribution for the GLM family " + family);
        };
    }

    private static void setLink(GeneralRegressionModel pmml, String link) {
        switch (link) {
            case "identity" -> pmml.setLinkFunction(LinkFunction.IDENTITY);
            case "log" -> pmml.setLinkFunction(LinkFunction.LOG);
            case "logit" -> pmml.setLinkFunction(LinkFunction.LOGIT);
            case "probit" -> pmml.setLinkFunction(LinkFunction.PROBIT);
            case "cloglog" -> pmml.setLinkFunction(LinkFunction.CLOGLOG);
            case "inverse" -> pmml.setLinkFunction(LinkFunction.POWER).setLinkParameter(-1.0);
            case "sqrt" -> pmml.setLinkFunction(LinkFunction.POWER).setLinkParameter(0.5);
            default -> throw new IllegalArgumentException("No PMML link function for the GLM link " + link);
        }
    }
}
