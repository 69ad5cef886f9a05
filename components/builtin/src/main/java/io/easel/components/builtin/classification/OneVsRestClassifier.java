package io.easel.components.builtin.classification;

import io.easel.component.BoundParams;
import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SparkParams;
import io.easel.components.learn.TreeParams;
import io.easel.components.learn.SharedParams;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.learn.Task;
import java.util.Map;
import org.apache.spark.ml.classification.Classifier;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.OneVsRest;
import org.apache.spark.ml.classification.OneVsRestModel;

/**
 * Any number of classes from a binary classifier (Spark's {@code OneVsRest}): one model per class against all the
 * others; the class whose model is most sure wins. No probabilities (the score is the winning model's margin) and no
 * PMML: JPMML-SparkML does not convert one-vs-rest. Text features are one-hot encoded, which suits every base
 * classifier.
 */
public final class OneVsRestClassifier extends SupervisedLearner {

    private static final String LOGISTIC_REGRESSION = "logistic-regression";
    private static final String LINEAR_SVM = "linear-svm";
    private static final String GBDT = "gbdt";

    public static final Param<String> CLASSIFIER = Param.choice("classifier",
                    Text.of("Binary classifier", "二分类器"),
                    Param.option(LOGISTIC_REGRESSION, Text.of("Logistic regression", "逻辑回归")),
                    Param.option(LINEAR_SVM, Text.of("Linear SVM", "线性支持向量机")),
                    Param.option(GBDT, Text.of("GBDT (gradient-boosted trees)", "GBDT（梯度提升树）")))
            .description(Text.of("The binary classifier trained once per class.", "为每个类别各训练一次的二分类器。"))
            .defaultValue(LOGISTIC_REGRESSION);

    public static final Param<Double> REG_PARAM = SharedParams.REG_PARAM
            .visibleWhen(CLASSIFIER, LOGISTIC_REGRESSION, LINEAR_SVM);

    public static final Param<Double> ELASTIC_NET_PARAM = LogisticRegressionClassifier.ELASTIC_NET_PARAM
            .visibleWhen(CLASSIFIER, LOGISTIC_REGRESSION);

    public static final Param<Integer> MAX_ITER = SharedParams.MAX_ITER
            .visibleWhen(CLASSIFIER, LOGISTIC_REGRESSION, LINEAR_SVM);

    public static final Param<Integer> TREES = Param.integer("trees", Text.of("Number of trees", "树的数量"))
            .description(Text.of("Boosting iterations of each class's GBDT, one tree each.",
                    "每个类别的 GBDT 的提升迭代次数，每次迭代生成一棵树。"))
            .defaultValue(20)
            .range(1, null)
            .visibleWhen(CLASSIFIER, GBDT);

    public static final Param<Integer> MAX_DEPTH = TreeParams.MAX_DEPTH.visibleWhen(CLASSIFIER, GBDT);

    public static final Param<Double> STEP_SIZE = GbdtClassifier.STEP_SIZE.visibleWhen(CLASSIFIER, GBDT);

    public static final Param<Integer> SEED = SharedParams.SEED.visibleWhen(CLASSIFIER, GBDT);

    public static final Param<Integer> PARALLELISM = Param.integer("parallelism",
                    Text.of("Models trained at once", "并行训练的模型数"))
            .description(Text.of("How many of the per-class models are trained at the same time.",
                    "同时训练的各类别模型个数。"))
            .defaultValue(1)
            .range(1, null)
            .advanced();

    public OneVsRestClassifier() {
        super(classifier("one-vs-rest")
                .title("One-vs-rest classifier", "一对多分类")
                .description("Handles three or more classes with a binary classifier (logistic regression, linear "
                                + "SVM or GBDT): one model per class against the rest, and the most confident model "
                                + "wins. Applying the model adds the predicted label and a score, the winning "
                                + "model's margin; no probabilities. Its model cannot be exported to PMML.",
                        "借助二分类器（逻辑回归、线性支持向量机或 GBDT）处理三个及以上类别：每个类别训练一个“该类对其余类”的模型，"
                                + "置信度最高的模型胜出。应用模型会追加预测标签和得分（胜出模型的间隔），不输出概率。该模型不能导出为 PMML。")
                .keywords("one-vs-rest", "one-vs-all", "ovr", "multiclass", "gbdt", "svm", "logistic regression",
                        "classification", "一对多", "多分类", "分类")
                .tasks(Task.MULTICLASS)
                .weighted()
                .withoutProbabilities()
                .withoutPmml()
                .params(CLASSIFIER, REG_PARAM, ELASTIC_NET_PARAM, MAX_ITER, TREES, MAX_DEPTH, STEP_SIZE, SEED,
                        PARALLELISM)
                .estimator(p -> new OneVsRest().setClassifier(binary(p)).setParallelism(p.get(PARALLELISM)))
                .facts((OneVsRestModel m) -> Map.of("models", m.models().length,
                        "classifier", m.getClassifier().getClass().getSimpleName())));
    }

    private static Classifier<?, ?, ?> binary(BoundParams p) {
        return switch (p.get(CLASSIFIER)) {
            case LINEAR_SVM -> SparkParams.set(new LinearSVC(), p, REG_PARAM, MAX_ITER);
            case GBDT -> SparkParams.set(new GBTClassifier(), p, MAX_DEPTH, STEP_SIZE, SEED).setMaxIter(p.get(TREES));
            default -> SparkParams.set(new LogisticRegression(), p, REG_PARAM, ELASTIC_NET_PARAM, MAX_ITER);
        };
    }
}
