package io.easel.server.deployment.compiled;

import java.util.List;
import org.dmg.pmml.MiningFunction;
import org.dmg.pmml.regression.NumericPredictor;
import org.dmg.pmml.regression.RegressionModel;
import org.dmg.pmml.regression.RegressionTable;

/**
 * Compiles the regression equations that end a chain: the logistic link of a binary GBT ({@code logit} over one
 * equation), a softmax over several, or a plain linear value. Only numeric predictors of exponent 1.
 */
final class RegressionCompiler {

    private final RecordLayout layout;

    RegressionCompiler(RecordLayout layout) {
        this.layout = layout;
    }

    /** intercept + Σ coefficient × field; NaN when a field is missing. */
    record Equation(double intercept, int[] fields, double[] coefficients) {
        double value(double[] slots) {
            double value = intercept;
            for (int i = 0; i < fields.length; i++) {
                value += coefficients[i] * slots[fields[i]];
            }
            return value;
        }

        boolean isZero() {
            return intercept == 0 && fields.length == 0;
        }
    }

    record Linear(Equation equation) implements ValueModel {
        @Override
        public double value(double[] slots) {
            return equation.value(slots);
        }
    }

    /** Binary logistic: the first table's class gets 1 / (1 + e^-y), the other the rest. */
    record Logistic(Equation equation, int first, int second, int[] order) implements ClassModel {
        @Override
        public int classify(double[] slots, double[] into) {
            double y = equation.value(slots);
            if (Double.isNaN(y)) {
                return FlatTree.NONE;
            }
            into[first] = 1d / (1d + Math.exp(-y));
            into[second] = 1d - into[first];
            return Classes.mostProbable(into, order);
        }
    }

    record Softmax(Equation[] equations, int[] classes, int[] order) implements ClassModel {
        @Override
        public int classify(double[] slots, double[] into) {
            double sum = 0;
            for (int i = 0; i < equations.length; i++) {
                double y = equations[i].value(slots);
                if (Double.isNaN(y)) {
                    return FlatTree.NONE;
                }
                into[classes[i]] = Math.exp(y);
                sum += into[classes[i]];
            }
            for (int c : classes) {
                into[c] /= sum;
            }
            return Classes.mostProbable(into, order);
        }
    }

    ValueModel regression(RegressionModel model) throws NotCompilableException {
        if (model.getNormalizationMethod() != RegressionModel.NormalizationMethod.NONE
                || model.getRegressionTables().size() != 1) {
            throw new NotCompilableException("regression equation with " + model.getNormalizationMethod().value()
                    + " normalisation");
        }
        return new Linear(equation(model.getRegressionTables().getFirst()));
    }

    ClassModel classification(RegressionModel model, Classes classes) throws NotCompilableException {
        if (model.getMiningFunction() != MiningFunction.CLASSIFICATION) {
            throw new NotCompilableException("regression model of function " + model.getMiningFunction().value());
        }
        List<RegressionTable> tables = model.getRegressionTables();
        int[] order = new int[tables.size()];
        Equation[] equations = new Equation[tables.size()];
        for (int i = 0; i < tables.size(); i++) {
            order[i] = classes.index(tables.get(i).requireTargetCategory());
            equations[i] = equation(tables.get(i));
        }
        if (order.length != classes.size()) {
            throw new NotCompilableException(order.length + " equations for " + classes.size() + " classes");
        }
        return switch (model.getNormalizationMethod()) {
            case LOGIT -> {
                if (tables.size() != 2 || !equations[1].isZero()) {
                    throw new NotCompilableException("logit over " + tables.size() + " equations");
                }
                yield new Logistic(equations[0], order[0], order[1], order);
            }
            case SOFTMAX -> new Softmax(equations, order, order);
            default -> throw new NotCompilableException("classification equations with "
                    + model.getNormalizationMethod().value() + " normalisation");
        };
    }

    private Equation equation(RegressionTable table) throws NotCompilableException {
        if (!table.getCategoricalPredictors().isEmpty() || !table.getPredictorTerms().isEmpty()) {
            throw new NotCompilableException("regression equation with categorical predictors or terms");
        }
        List<NumericPredictor> predictors = table.getNumericPredictors();
        int[] fields = new int[predictors.size()];
        double[] coefficients = new double[predictors.size()];
        for (int i = 0; i < predictors.size(); i++) {
            NumericPredictor predictor = predictors.get(i);
            if (predictor.getExponent() != null && predictor.getExponent().intValue() != 1) {
                throw new NotCompilableException("predictor with exponent " + predictor.getExponent());
            }
            fields[i] = layout.slot(predictor.requireField());
            if (!layout.kind(fields[i]).isNumber()) {
                throw new NotCompilableException("numeric predictor on a " + layout.kind(fields[i]) + " field");
            }
            coefficients[i] = predictor.requireCoefficient().doubleValue();
        }
        return new Equation(table.requireIntercept().doubleValue(), fields, coefficients);
    }
}
