package io.easel.components.builtin.regression;

import io.easel.component.BoundParams;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.ParamDef;
import io.easel.component.Text;
import io.easel.components.learn.SharedParams;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.spi.ExampleData;
import io.easel.components.transform.ExportableGlm;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionTrainingSummary;

/**
 * A generalized linear model (Spark's {@code GeneralizedLinearRegression}): a linear predictor linked to the mean of
 * a gaussian, binomial, poisson, gamma or tweedie distribution. Text features are one-hot encoded. Every family and
 * link converts to PMML (through {@link ExportableGlm}).
 *
 * <p>Spark fits each family with a few links only. Rather than one link param checked against the family when the
 * node runs, each family has its own link param offering just its links, shown when that family is chosen: a
 * combination Spark refuses cannot be set. The tweedie family's link is a power instead.
 */
public final class GeneralizedLinearRegressor extends SupervisedLearner {

    static final Param<String> FAMILY = Param.choice("family", Text.of("Distribution family", "分布族"),
                    Param.option("gaussian", Text.of("Gaussian (normal)", "高斯（正态）")),
                    Param.option("binomial", Text.of("Binomial (a share or 0/1 outcome, labels 0 to 1)",
                            "二项（比例或 0/1 结果，标签在 0 到 1 之间）")),
                    Param.option("poisson", Text.of("Poisson (counts, labels ≥ 0)", "泊松（计数，标签 ≥ 0）")),
                    Param.option("gamma", Text.of("Gamma (positive, skewed amounts, labels > 0)",
                            "伽马（正的偏态数额，标签 > 0）")),
                    Param.option("tweedie", Text.of("Tweedie (amounts with many zeros, labels ≥ 0)",
                            "Tweedie（含大量零值的数额，标签 ≥ 0）")))
            .description(Text.of("How the label varies around its predicted mean.", "标签围绕预测均值的分布方式。"))
            .defaultValue("gaussian");

    static final Param<String> GAUSSIAN_LINK = link(Family.GAUSSIAN);
    static final Param<String> BINOMIAL_LINK = link(Family.BINOMIAL);
    static final Param<String> POISSON_LINK = link(Family.POISSON);
    static final Param<String> GAMMA_LINK = link(Family.GAMMA);

    static final Param<Double> VARIANCE_POWER = Param.decimal("variancePower",
                    Text.of("Variance power", "方差幂"))
            .description(Text.of("The variance grows as the mean to this power: 1 is Poisson, 2 gamma, between 1 and "
                            + "2 a compound Poisson–gamma (amounts with exact zeros).",
                    "方差随均值的该次幂增长：1 为泊松，2 为伽马，介于 1 与 2 之间为复合泊松-伽马（含精确零值的数额）。"))
            .defaultValue(1.5)
            .range(1, null)
            .visibleWhen(FAMILY, "tweedie");

    static final Param<Double> LINK_POWER = Param.decimal("linkPower", Text.of("Link power", "连接函数幂"))
            .description(Text.of("The link is the mean to this power (0: log, 1: identity, -1: inverse); leave "
                            + "blank for 1 − variance power.",
                    "连接函数为均值的该次幂（0 为对数，1 为恒等，-1 为倒数）；留空则取 1 − 方差幂。"))
            .visibleWhen(FAMILY, "tweedie")
            .advanced();

    static final Param<String> OFFSET = Param.column("offsetColumn", Text.of("Offset column", "偏移列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE)
            .description(Text.of("A number added to the linear predictor with coefficient 1 in training, e.g. the "
                            + "log of the exposure for rates with a log link. Predictions are for an offset of 0 "
                            + "(the rate per unit of exposure).",
                    "训练时以系数 1 加到线性预测值上的数值，例如对数连接下用暴露量的对数来拟合比率。预测值按偏移为 0 "
                            + "计算（即单位暴露量的比率）。"))
            .advanced();

    static final Param<Double> REG_PARAM = SharedParams.REG_PARAM.description(Text.of("L2 penalty on large "
            + "coefficients; 0 fits without a penalty.", "对过大系数的 L2 惩罚；0 表示不加惩罚。"));

    static final Param<Integer> MAX_ITER = SharedParams.MAX_ITER.defaultValue(25)
            .description(Text.of("Iterations of iteratively reweighted least squares.", "迭代重加权最小二乘的迭代次数。"));

    static final Param<Boolean> LINK_PREDICTION = Param.bool("linkPredictionOutput",
                    Text.of("Output the linear predictor", "输出线性预测值"))
            .description(Text.of("Also append the linear predictor (the prediction before the inverse link) as "
                            + "column 'linkPrediction'.",
                    "同时追加线性预测值（逆连接函数之前的预测）列 'linkPrediction'。"))
            .defaultValue(false)
            .advanced();

    static final String LINK_PREDICTION_COLUMN = "linkPrediction";

    public GeneralizedLinearRegressor() {
        super(regressor("generalized-linear-regression")
                .title("Generalized linear regression", "广义线性回归")
                .description("Fits a generalized linear model: a linear combination of the features, linked to the "
                                + "mean of a gaussian, binomial, poisson, gamma or tweedie distribution. Suits counts, "
                                + "shares, positive skewed amounts and amounts with many zeros. Text features are "
                                + "one-hot encoded.",
                        "拟合广义线性模型：特征的线性组合经连接函数对应到高斯、二项、泊松、伽马或 Tweedie 分布的均值。"
                                + "适用于计数、比例、正的偏态数额以及含大量零值的数额。文本特征做独热编码。")
                .keywords("glm", "generalized linear model", "poisson", "gamma", "tweedie", "binomial", "link",
                        "regression", "广义线性模型", "泊松回归", "回归")
                .weighted()
                .params(FAMILY, GAUSSIAN_LINK, BINOMIAL_LINK, POISSON_LINK, GAMMA_LINK, VARIANCE_POWER, LINK_POWER,
                        REG_PARAM, OFFSET, SharedParams.FIT_INTERCEPT, MAX_ITER, SharedParams.TOL,
                        SharedParams.AGGREGATION_DEPTH, LINK_PREDICTION)
                .optionalOutput(LINK_PREDICTION_COLUMN, DataType.DOUBLE, LINK_PREDICTION)
                .checkBeforeFit(f -> {
                    NormalEquations.check(f, "leave out text columns with many values, or use linear regression "
                            + "with the l-bfgs solver");
                    Family.of(f.params()).labels(f.params()).check(f, "the " + f.params().get(FAMILY) + " family",
                            "choose another family, or transform the label");
                })
                .estimator(GeneralizedLinearRegressor::estimator)
                .facts((GeneralizedLinearRegressionModel m) -> {
                    GeneralizedLinearRegressionTrainingSummary summary = m.summary();
                    TrainingFacts facts = TrainingFacts.linear(m.coefficients(), m.intercept())
                            .put("iterations", summary.numIterations())
                            .put("deviance", summary.deviance())
                            .put("nullDeviance", summary.nullDeviance())
                            .put("dispersion", summary.dispersion());
                    if (!m.getFamily().equals("tweedie")) { // Spark has no AIC for tweedie
                        facts.put("aic", summary.aic());
                    }
                    return facts.map();
                })
                .examples(example("Progression modelled like a count: Poisson, log link", "病情进展按计数建模：泊松分布、对数连接",
                                "diabetes", Map.of("labelColumn", "progression", "family", "poisson")),
                        example("Progression as a skewed amount: tweedie", "病情进展（偏态数额）：Tweedie 分布",
                                "diabetes", Map.of("labelColumn", "progression", "family", "tweedie",
                                        "variancePower", 1.6)),
                        example("Malignancy as a 0/1 outcome: binomial, probit link",
                                "是否恶性（0/1 结果）：二项分布、probit 连接", "breast_cancer",
                                Map.of("labelColumn", "malignant", "family", "binomial", "binomialLink", "probit",
                                        "featureColumns",
                                        List.of("mean_radius", "mean_texture", "worst_concave_points"),
                                        "linkPredictionOutput", true))));
    }

    private static ExportableGlm estimator(BoundParams p) {
        ExportableGlm glm = (ExportableGlm) new ExportableGlm()
                .setFamily(p.get(FAMILY))
                .setRegParam(p.get(REG_PARAM))
                .setFitIntercept(p.get(SharedParams.FIT_INTERCEPT))
                .setMaxIter(p.get(MAX_ITER))
                .setTol(p.get(SharedParams.TOL))
                .setAggregationDepth(p.get(SharedParams.AGGREGATION_DEPTH));
        Family family = Family.of(p);
        if (family == Family.TWEEDIE) {
            glm.setVariancePower(p.get(VARIANCE_POWER));
            if (p.get(LINK_POWER) != null) {
                glm.setLinkPower(p.get(LINK_POWER));
            }
        } else {
            glm.setLink(p.get(family.linkParam()));
        }
        if (p.get(OFFSET) != null) {
            glm.setOffsetCol(p.get(OFFSET));
        }
        if (p.get(LINK_PREDICTION)) {
            glm.setLinkPredictionCol(LINK_PREDICTION_COLUMN);
        }
        return glm;
    }

    private static Example example(String en, String zh, String dataset, Map<String, Object> params) {
        return Example.of(en, zh, params).input(IN, ExampleData.dataset(dataset));
    }

    private static Param<String> link(Family family) {
        String name = family.name().toLowerCase(Locale.ROOT);
        return Param.choice(name + "Link", Text.of("Link function", "连接函数"), family.links)
                .description(Text.of("How the linear predictor maps to the mean; the first choice is the family's "
                                + "canonical link.",
                        "线性预测值与均值之间的对应关系；第一个选项是该分布族的标准连接函数。"))
                .defaultValue(family.links[0].value())
                .visibleWhen(FAMILY, name);
    }

    /** Spark's families with the links it fits each with, canonical link first, and the labels each takes. */
    private enum Family {
        GAUSSIAN(LabelRange.any(), Links.IDENTITY, Links.LOG, Links.INVERSE),
        BINOMIAL(LabelRange.zeroToOne(), Links.LOGIT, Links.PROBIT, Links.CLOGLOG),
        POISSON(LabelRange.nonNegative(), Links.LOG, Links.IDENTITY, Links.SQRT),
        GAMMA(LabelRange.positive(), Links.INVERSE, Links.IDENTITY, Links.LOG),
        /** Its link is a power ({@link #LINK_POWER}). */
        TWEEDIE(LabelRange.nonNegative());

        private final LabelRange labels;
        private final ParamDef.Choice[] links;

        Family(LabelRange labels, ParamDef.Choice... links) {
            this.labels = labels;
            this.links = links;
        }

        static Family of(BoundParams params) {
            return valueOf(params.get(FAMILY).toUpperCase(Locale.ROOT));
        }

        /** The param choosing this family's link; null for tweedie. */
        Param<String> linkParam() {
            return switch (this) {
                case GAUSSIAN -> GAUSSIAN_LINK;
                case BINOMIAL -> BINOMIAL_LINK;
                case POISSON -> POISSON_LINK;
                case GAMMA -> GAMMA_LINK;
                case TWEEDIE -> null;
            };
        }

        /** Spark starts a gaussian log link at log(label), and needs labels > 0 for tweedie powers from 2. */
        LabelRange labels(BoundParams params) {
            if (this == GAUSSIAN && params.get(GAUSSIAN_LINK).equals("log")
                    || this == TWEEDIE && params.get(VARIANCE_POWER) >= 2) {
                return LabelRange.positive();
            }
            return labels;
        }
    }

    /** The links Spark fits, as choices. */
    private static final class Links {
        static final ParamDef.Choice IDENTITY = Param.option("identity", Text.of("Identity", "恒等"));
        static final ParamDef.Choice LOG = Param.option("log", Text.of("Log", "对数"));
        static final ParamDef.Choice INVERSE = Param.option("inverse", Text.of("Inverse", "倒数"));
        static final ParamDef.Choice LOGIT = Param.option("logit", Text.of("Logit", "Logit（对数几率）"));
        static final ParamDef.Choice PROBIT = Param.option("probit", Text.of("Probit", "Probit（正态分布函数）"));
        static final ParamDef.Choice CLOGLOG = Param.option("cloglog",
                Text.of("Complementary log-log", "互补双对数"));
        static final ParamDef.Choice SQRT = Param.option("sqrt", Text.of("Square root", "平方根"));

        private Links() {}
    }
}
