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
import io.easel.components.learn.Task;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LinearSVCModel;

/**
 * A linear support vector machine for two classes (Spark's {@code LinearSVC}, hinge loss with L2 regularization).
 * It gives no probabilities: its score is the margin, the signed distance from the separating hyperplane. Text
 * features are one-hot encoded. Converts to PMML, threshold included.
 */
public final class LinearSvm extends SupervisedLearner {

    public static final Param<Double> THRESHOLD = Param.decimal("threshold", Text.of("Margin threshold", "间隔阈值"))
            .description(Text.of("Rows whose margin exceeds it are predicted as the positive class; raise it to "
                            + "predict the positive class less often.",
                    "间隔大于该值的行预测为正类；调大则更少预测为正类。"))
            .defaultValue(0.0)
            .advanced();

    /** Spark's params, in form order. */
    private static final Param<?>[] PARAMS = {REG_PARAM, MAX_ITER, THRESHOLD, FIT_INTERCEPT, STANDARDIZATION, TOL,
        AGGREGATION_DEPTH, MAX_BLOCK_SIZE_IN_MB};

    public LinearSvm() {
        super(classifier("linear-svm")
                .title("Linear SVM", "线性支持向量机")
                .description("A linear support vector machine that separates two classes with the widest margin. It "
                                + "gives no probabilities: applying the model adds the predicted label and a score, "
                                + "the margin (positive leans to the positive class). For three or more classes use "
                                + "one-vs-rest with the linear SVM as its classifier.",
                        "线性支持向量机，以最大间隔分隔两个类别。它不输出概率：应用模型会追加预测标签和得分（即间隔，正值倾向正类）。"
                                + "三个及以上类别请使用一对多（one-vs-rest）组件并选择线性 SVM 作为其分类器。")
                .keywords("svm", "support vector machine", "linear svc", "hinge", "binary", "classification",
                        "支持向量机", "线性", "二分类", "分类")
                .tasks(Task.BINARY)
                .weighted()
                .withoutProbabilities()
                .params(PARAMS)
                .estimator(p -> SparkParams.set(new LinearSVC(), p, PARAMS))
                .facts((LinearSVCModel m) -> OptimizerFacts.of(m.summary())));
    }
}
