package io.easel.components.builtin.classification;

import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SparkParams;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.spi.ExampleData;
import java.util.Map;
import org.apache.spark.ml.classification.NaiveBayes;
import org.apache.spark.ml.classification.NaiveBayesModel;

/**
 * Naive Bayes over counts or 0/1 features (Spark's {@code NaiveBayes}: multinomial, complement or Bernoulli), the
 * classic choice for categorical data and word counts. Text features are one-hot encoded, so every category is a
 * 0/1 feature. Gaussian naive Bayes, for measurements, is {@link GaussianNaiveBayesClassifier}: JPMML-SparkML
 * converts none of Spark's Gaussian models, while the three kinds here all export to PMML (see
 * {@link NaiveBayesForms}).
 */
public final class NaiveBayesClassifier extends SupervisedLearner {

    public static final Param<String> MODEL_TYPE = Param.choice("modelType", Text.of("Model type", "模型类型"),
                    Param.option("multinomial", Text.of("Multinomial (counts, one-hot categories)",
                            "多项式（计数、独热编码的类别）")),
                    Param.option("complement", Text.of("Complement (counts, unbalanced classes)", "补集（计数、类别不均衡）")),
                    Param.option("bernoulli", Text.of("Bernoulli (0/1 features: present or absent)",
                            "伯努利（0/1 特征：出现或不出现）")))
            .description(Text.of("Multinomial and complement need non-negative features; Bernoulli needs every "
                            + "feature to be 0 or 1. Text columns always qualify (each category becomes a 0/1 "
                            + "feature).",
                    "多项式和补集模型要求特征非负；伯努利模型要求每个特征都是 0 或 1。文本列总是满足要求（每个类别变成一个 0/1 特征）。"))
            .defaultValue("multinomial");

    public static final Param<Double> SMOOTHING = Param.decimal("smoothing", Text.of("Smoothing", "平滑系数"))
            .description(Text.of("Added to every count (Laplace smoothing), so that a category never seen with a "
                            + "class does not rule the class out.",
                    "加到每个计数上（拉普拉斯平滑），使某类别下从未出现的取值不至于完全排除该类别。"))
            .defaultValue(1.0)
            .range(0, null);

    public NaiveBayesClassifier() {
        super(classifier("naive-bayes")
                .title("Naive Bayes", "朴素贝叶斯")
                .description("Classifies by Bayes' rule, taking features as independent given the class: fast, "
                                + "needs few rows, and suits categorical data and counts (multinomial, complement or "
                                + "Bernoulli). Features must not be negative. For numeric measurements use Gaussian "
                                + "naive Bayes. Applying the model adds the predicted label, the class probabilities "
                                + "and a score.",
                        "基于贝叶斯公式分类，假定在给定类别时各特征相互独立：速度快、所需数据少，适合类别型数据和计数"
                                + "（多项式、补集或伯努利模型）。特征不能为负。数值型测量数据请使用高斯朴素贝叶斯。"
                                + "应用模型会追加预测标签、各类别概率以及得分。")
                .keywords("naive bayes", "bayes", "multinomial", "bernoulli", "complement", "categorical", "text",
                        "classification", "朴素贝叶斯", "贝叶斯", "分类", "多分类")
                .weighted()
                .params(MODEL_TYPE, SMOOTHING)
                .checkBeforeFit(NaiveBayesForms::checkFeatures)
                .estimator(p -> SparkParams.set(new NaiveBayes(), p, MODEL_TYPE, SMOOTHING))
                .keep(NaiveBayesForms::asMultinomial)
                .facts((NaiveBayesModel m) -> Map.of("modelType", m.getModelType()))
                .examples(
                        vote("Party from congressional votes (Bernoulli)", "根据国会投票预测党派（伯努利）", "bernoulli"),
                        vote("Party from congressional votes (complement)", "根据国会投票预测党派（补集）", "complement")));
    }

    private static Example vote(String en, String zh, String modelType) {
        return Example.of(en, zh, Map.of("labelColumn", "Class", "modelType", modelType))
                .input(IN, ExampleData.dataset("vote"));
    }
}
