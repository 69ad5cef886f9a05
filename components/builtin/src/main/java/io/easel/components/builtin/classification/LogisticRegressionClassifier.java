package io.easel.components.builtin.classification;

import static io.easel.components.learn.SharedParams.AGGREGATION_DEPTH;
import static io.easel.components.learn.SharedParams.FIT_INTERCEPT;
import static io.easel.components.learn.SharedParams.MAX_BLOCK_SIZE_IN_MB;
import static io.easel.components.learn.SharedParams.MAX_ITER;
import static io.easel.components.learn.SharedParams.REG_PARAM;
import static io.easel.components.learn.SharedParams.STANDARDIZATION;
import static io.easel.components.learn.SharedParams.TOL;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SparkParams;
import io.easel.components.learn.SupervisedLearner;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;

/**
 * Logistic regression for two classes (binomial) or more (multinomial, softmax), with elastic-net regularization
 * (Spark's {@code LogisticRegression}). Text features are one-hot encoded. Converts to PMML.
 *
 * <p>Spark's decision {@code threshold} is not offered: JPMML-SparkML exports the most probable class whatever the
 * threshold, so a deployed model would predict otherwise than Spark. The score column carries the probability, and
 * the evaluation's threshold decides what counts as positive.
 */
public final class LogisticRegressionClassifier extends SupervisedLearner {

    public static final Param<String> FAMILY = Param.choice("family", Text.of("Family", "模型族"),
                    Param.option("auto", Text.of("Automatic (binomial for two classes, else multinomial)",
                            "自动（两个类别用二项，否则用多项）")),
                    Param.option("binomial", Text.of("Binomial (two classes)", "二项（两个类别）")),
                    Param.option("multinomial", Text.of("Multinomial (softmax, three or more classes)",
                            "多项（softmax，三个及以上类别）")))
            .description(Text.of("Binomial models the log-odds of the positive class; multinomial gives each class "
                            + "its own coefficients.",
                    "二项模型对正类的对数几率建模；多项模型为每个类别学习各自的系数。"))
            .defaultValue("auto")
            .advanced();

    public static final Param<Double> ELASTIC_NET_PARAM = Param.decimal("elasticNetParam",
                    Text.of("L1 share (elastic net)", "L1 占比（弹性网络）"))
            .description(Text.of("Mix of the regularization: 0 is L2 (ridge, shrinks coefficients), 1 is L1 (lasso, "
                            + "sets some to zero), between mixes both.",
                    "正则化的混合比例：0 为 L2（岭回归，收缩系数），1 为 L1（Lasso，使部分系数为零），介于其间则两者混合。"))
            .defaultValue(0.0)
            .range(0, 1);

    /** Spark's params, in form order. */
    private static final Param<?>[] PARAMS = {REG_PARAM, ELASTIC_NET_PARAM, MAX_ITER, FAMILY, TOL, FIT_INTERCEPT,
        STANDARDIZATION, AGGREGATION_DEPTH, MAX_BLOCK_SIZE_IN_MB};

    public LogisticRegressionClassifier() {
        super(classifier("logistic-regression")
                .title("Logistic regression", "逻辑回归")
                .description("A linear model of class probabilities for two classes (binomial) or more (multinomial), "
                                + "with L1/L2 (elastic-net) regularization; fast, and its coefficients show how each "
                                + "feature moves the odds. Applying the model adds the predicted label, the class "
                                + "probabilities and a score.",
                        "对两个类别（二项）或多个类别（多项）的概率建立线性模型，支持 L1/L2（弹性网络）正则化；训练快，系数可说明"
                                + "各特征如何影响几率。应用模型会追加预测标签、各类别概率以及得分。")
                .keywords("logistic regression", "logit", "softmax", "linear", "elastic net", "lasso", "ridge",
                        "classification", "multiclass", "逻辑回归", "线性", "正则化", "分类", "多分类")
                .weighted()
                .params(PARAMS)
                .checkBeforeFit(fitting -> {
                    if (fitting.classCount() == 2 && "multinomial".equals(fitting.params().get(FAMILY))) {
                        // JPMML-SparkML reads a two-class model's coefficients as a vector, which a multinomial
                        // model does not have: it would not export.
                        throw new IllegalArgumentException(fitting.componentId() + ": param 'family' is multinomial, "
                                + "but the label has two classes; choose binomial (or auto) for two classes");
                    }
                    if (fitting.classCount() > 2 && "binomial".equals(fitting.params().get(FAMILY))) {
                        throw new IllegalArgumentException(fitting.componentId() + ": param 'family' is binomial, "
                                + "but the label has " + fitting.classCount() + " classes; choose multinomial (or "
                                + "auto)");
                    }
                })
                .estimator(p -> SparkParams.set(new LogisticRegression(), p, PARAMS))
                .facts((LogisticRegressionModel m) -> OptimizerFacts.of(m.summary())));
    }
}
