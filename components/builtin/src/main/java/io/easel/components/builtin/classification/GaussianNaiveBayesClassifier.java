package io.easel.components.builtin.classification;

import io.easel.components.learn.SupervisedLearner;
import org.apache.spark.ml.classification.NaiveBayes;

/**
 * Gaussian naive Bayes (Spark's {@code NaiveBayes} of model type gaussian): each feature normal within each class.
 * JPMML-SparkML 3.2.0 converts only multinomial naive Bayes, so this model has no PMML; it is apart from
 * {@link NaiveBayesClassifier}, whose model types all export.
 */
public final class GaussianNaiveBayesClassifier extends SupervisedLearner {

    public GaussianNaiveBayesClassifier() {
        super(classifier("gaussian-naive-bayes")
                .title("Gaussian naive Bayes", "高斯朴素贝叶斯")
                .description("Naive Bayes for numeric measurements: within each class every feature is taken as "
                                + "normally distributed, with its own mean and variance. Fast and needs few rows. "
                                + "Applying the model adds the predicted label, the class probabilities and a score. "
                                + "Its model cannot be exported to PMML.",
                        "适用于数值型测量数据的朴素贝叶斯：在每个类别内，每个特征都视为服从各自均值和方差的正态分布。速度快、所需数据少。"
                                + "应用模型会追加预测标签、各类别概率以及得分。该模型不能导出为 PMML。")
                .keywords("naive bayes", "gaussian", "bayes", "normal", "classification", "multiclass", "朴素贝叶斯",
                        "高斯", "贝叶斯", "分类", "多分类")
                .weighted()
                .withoutPmml()
                .estimator(p -> new NaiveBayes().setModelType("gaussian")));
    }
}
