package io.easel.components.builtin.regression;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import io.easel.component.BoundParams;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SharedParams;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.spi.ModelData;
import io.easel.components.transform.AftWithOptionalCensor;
import org.apache.spark.ml.regression.AFTSurvivalRegressionModel;
import org.apache.spark.sql.Column;

/**
 * Survival regression by an accelerated failure time model with Weibull times (Spark's
 * {@code AFTSurvivalRegression}): predicts a time to an event from rows whose time is either observed (the event
 * happened) or censored (only known to be longer). Text features are one-hot encoded. JPMML-SparkML does not convert
 * it: its model has no PMML.
 */
public final class SurvivalRegressor extends SupervisedLearner {

    /** Where the censoring goes when no censor column is chosen; absent, every row counts as an event. */
    private static final String NO_CENSOR_COLUMN = ModelData.INTERNAL_PREFIX + "censor";
    static final String QUANTILES_COLUMN = "quantiles";

    static final Param<String> CENSOR = Param.column("censorColumn", Text.of("Event column", "事件列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE)
            .description(Text.of("1 where the event happened at the label's time, 0 where the row was censored (the "
                            + "event had not happened yet by then). Leave blank when every event was observed.",
                    "事件在标签所示时间发生的行为 1，被删失（截至该时间事件尚未发生）的行为 0。所有事件均已观察到时留空。"));

    static final Param<Boolean> QUANTILES = Param.bool("quantilesOutput",
                    Text.of("Output time quantiles", "输出时间分位数"))
            .description(Text.of("Also append column 'quantiles': the predicted times by which the event has "
                            + "happened with each of the quantile probabilities.",
                    "同时追加 'quantiles' 列：按各分位概率事件发生时的预测时间。"))
            .defaultValue(false);

    static final Param<String> QUANTILE_PROBABILITIES = Param.string("quantileProbabilities",
                    Text.of("Quantile probabilities", "分位概率"))
            .description(Text.of("Probabilities between 0 and 1, separated by commas.", "0 到 1 之间的概率，用逗号分隔。"))
            .defaultValue("0.01,0.05,0.1,0.25,0.5,0.75,0.9,0.95,0.99")
            .visibleWhen(QUANTILES, "true");

    public SurvivalRegressor() {
        super(regressor("survival-regression")
                .title("Survival regression (AFT)", "生存回归（AFT）")
                .description("Predicts the time until an event (failure, churn, relapse) with an accelerated failure "
                                + "time model of Weibull-distributed times. Learns also from censored rows, whose "
                                + "event had not happened yet when observation stopped. The label is the time and must "
                                + "be positive. Not exportable to PMML.",
                        "用 Weibull 分布的加速失效时间模型预测距事件（故障、流失、复发）发生的时间。也能从删失行中学习，"
                                + "即观察结束时事件尚未发生的行。标签为时间，必须为正数。不能导出为 PMML。")
                .keywords("survival", "aft", "accelerated failure time", "weibull", "censored", "time to event",
                        "churn", "生存分析", "删失", "回归")
                .withoutPmml()
                .params(CENSOR, QUANTILES, QUANTILE_PROBABILITIES, SharedParams.FIT_INTERCEPT, SharedParams.MAX_ITER,
                        SharedParams.TOL, SharedParams.AGGREGATION_DEPTH, SharedParams.MAX_BLOCK_SIZE_IN_MB)
                .optionalOutput(QUANTILES_COLUMN, DataType.VECTOR, QUANTILES)
                .checkBeforeFit(f -> {
                    LabelRange.positive().check(f, "survival regression", "the label is a time until the event: "
                            + "leave out rows with a time of 0 or less, or shift the times");
                    refuseCensorOtherThanZeroOrOne(f);
                })
                .estimator(SurvivalRegressor::estimator)
                .facts((AFTSurvivalRegressionModel m) -> TrainingFacts.linear(m.coefficients(), m.intercept())
                        .put("scale", m.scale())
                        .map()));
    }

    private static AftWithOptionalCensor estimator(BoundParams p) {
        String censor = p.get(CENSOR);
        AftWithOptionalCensor aft = (AftWithOptionalCensor) new AftWithOptionalCensor()
                .setCensorCol(censor == null ? NO_CENSOR_COLUMN : censor)
                .setFitIntercept(p.get(SharedParams.FIT_INTERCEPT))
                .setMaxIter(p.get(SharedParams.MAX_ITER))
                .setTol(p.get(SharedParams.TOL))
                .setAggregationDepth(p.get(SharedParams.AGGREGATION_DEPTH))
                .setMaxBlockSizeInMB(p.get(SharedParams.MAX_BLOCK_SIZE_IN_MB));
        if (p.get(QUANTILES)) {
            aft.setQuantileProbabilities(probabilities(p.get(QUANTILE_PROBABILITIES)))
                    .setQuantilesCol(QUANTILES_COLUMN);
        }
        return aft;
    }

    /** The comma-separated probabilities, each strictly between 0 and 1, as Spark takes them. */
    static double[] probabilities(String text) {
        String[] parts = text.split(",");
        double[] probabilities = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                probabilities[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                probabilities[i] = Double.NaN;
            }
            if (!(probabilities[i] > 0 && probabilities[i] < 1)) {
                throw new IllegalArgumentException("survival-regression: param '" + QUANTILE_PROBABILITIES.name()
                        + "' lists '" + parts[i].strip() + "', which is not a probability strictly between 0 and 1; "
                        + "write them separated by commas, e.g. 0.1,0.5,0.9");
            }
        }
        return probabilities;
    }

    private static void refuseCensorOtherThanZeroOrOne(SupervisedLearner.Fitting f) {
        String censor = f.params().get(CENSOR);
        if (censor == null) {
            return;
        }
        Column value = col("`" + censor.replace("`", "``") + "`");
        long others = f.rows().agg(count(when(value.notEqual(0).and(value.notEqual(1)), 1))).first().getLong(0);
        if (others > 0) {
            throw new IllegalArgumentException(f.componentId() + ": event column '" + censor + "' (param '"
                    + CENSOR.name() + "') holds " + others + (others == 1 ? " value" : " values") + " other than 1 "
                    + "(event happened) and 0 (censored); recode it to 1 and 0");
        }
    }
}
