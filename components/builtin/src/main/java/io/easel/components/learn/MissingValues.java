package io.easel.components.learn;

import io.easel.component.Param;
import io.easel.component.Text;

/** What a learner does with missing numbers in its features, in training and whenever the model is applied. */
public enum MissingValues {
    MEAN,
    MEDIAN,
    FAIL;

    /** The param every learner offers for it. */
    static final Param<String> PARAM = Param.choice("missingValues", Text.of("Missing numbers", "数值缺失值"),
                    Param.option("mean", Text.of("Fill with the training mean", "用训练集均值填充")),
                    Param.option("median", Text.of("Fill with the training median", "用训练集中位数填充")),
                    Param.option("fail", Text.of("Fail the node", "节点报错")))
            .description(Text.of("How missing numeric feature values (and missing slots of vector features) are "
                            + "filled, in training and whenever the model is applied (also by a deployment). Missing "
                            + "text values always count as a category of their own.",
                    "数值特征（及向量特征中的缺失分量）缺失时的处理方式，训练时和应用模型时（包括部署后）都会生效。"
                            + "文本缺失值始终作为单独的类别。"))
            .defaultValue("mean")
            .advanced();

    static MissingValues of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
