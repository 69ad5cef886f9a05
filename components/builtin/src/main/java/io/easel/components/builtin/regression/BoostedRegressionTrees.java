package io.easel.components.builtin.regression;

import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.learn.TextFeatures;
import io.easel.components.learn.TreeBins;
import io.easel.components.learn.TreeParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.GBTRegressor;

/**
 * Gradient-boosted regression trees (Spark's {@code GBTRegressor}): each tree fits what the trees before it got
 * wrong. Optionally stops early on rows marked for validation. Converts to PMML.
 */
public final class BoostedRegressionTrees extends SupervisedLearner {

    static final Param<Integer> MAX_ITER = Param.integer("maxIter", Text.of("Number of trees", "树的数量"))
            .description(Text.of("Boosting iterations, one tree each.", "提升迭代次数，每次迭代生成一棵树。"))
            .defaultValue(20)
            .range(1, null);

    static final Param<Double> STEP_SIZE = Param.decimal("stepSize", Text.of("Learning rate", "学习率"))
            .description(Text.of("How much each tree contributes (shrinkage); smaller needs more trees.",
                    "每棵树的贡献权重（收缩系数）；越小需要的树越多。"))
            .defaultValue(0.1)
            .range(0, true, 1, false);

    static final Param<String> LOSS_TYPE = Param.choice("lossType", Text.of("Loss", "损失函数"),
                    Param.option("squared", Text.of("Squared error (predicts the mean)", "平方误差（预测均值）")),
                    Param.option("absolute", Text.of("Absolute error (predicts the median, robust to outliers)",
                            "绝对误差（预测中位数，对异常值稳健）")))
            .defaultValue("squared");

    static final Param<String> VALIDATION_INDICATOR = Param.column("validationIndicatorColumn",
                    Text.of("Validation row column", "验证行标记列"), IN, DataType.BOOLEAN)
            .description(Text.of("A true/false column: rows marked true are not trained on but used to stop "
                            + "boosting once the error on them no longer improves. Leave blank to train on every "
                            + "row for all iterations.",
                    "布尔列：标记为 true 的行不参与训练，而用于在其误差不再改善时提前停止提升。留空则所有行都参与训练，"
                            + "并完成全部迭代。"))
            .advanced();

    static final Param<Double> VALIDATION_TOL = Param.decimal("validationTol",
                    Text.of("Early stopping tolerance", "提前停止容差"))
            .description(Text.of("With a validation row column: stop when the validation error improves by less "
                            + "than this share.",
                    "设置验证行标记列时：验证误差的改善比例小于此值即停止。"))
            .defaultValue(0.01)
            .range(0, null)
            .advanced();

    /** Set by Spark's names; the validation column is set apart, being named as Easel names column params. */
    private static final List<Param<?>> SPARK_NAMED = sparkNamed();

    public BoostedRegressionTrees() {
        super(regressor("gbt-regressor")
                .title("Gradient-boosted trees regression", "梯度提升树回归")
                .description("Trains gradient-boosted decision trees that predict a number: each tree corrects "
                                + "the errors of the trees before it. Often the most accurate on tables; rows marked "
                                + "for validation can stop boosting early.",
                        "训练预测数值的梯度提升决策树：每棵树修正之前各树的误差。在表格数据上通常最准确；可用标记的验证行"
                                + "提前停止提升。")
                .keywords("gbt", "gbdt", "gradient boosting", "boosted trees", "xgboost", "regression", "梯度提升",
                        "提升树", "回归")
                .weighted()
                .textFeatures(TextFeatures.INDEXED)
                .params(all().toArray(Param<?>[]::new))
                .checkBeforeFit(TreeBins.atLeastCategories(TreeParams.MAX_BINS))
                .estimator(p -> {
                    GBTRegressor gbt = TreeParams.configure(new GBTRegressor(), p, SPARK_NAMED);
                    String validation = p.get(VALIDATION_INDICATOR);
                    return validation == null ? gbt : gbt.setValidationIndicatorCol(validation);
                })
                .facts((GBTRegressionModel m) -> Map.of("trees", m.getNumTrees(), "nodes", m.totalNumNodes())));
    }

    private static List<Param<?>> sparkNamed() {
        List<Param<?>> params = new ArrayList<>(List.of(MAX_ITER, STEP_SIZE, LOSS_TYPE));
        params.addAll(TreeParams.ensemble(TreeParams.FEATURE_SUBSET_STRATEGY.defaultValue("all")));
        params.add(VALIDATION_TOL);
        return List.copyOf(params);
    }

    private static List<Param<?>> all() {
        List<Param<?>> params = new ArrayList<>(SPARK_NAMED);
        params.add(params.indexOf(VALIDATION_TOL), VALIDATION_INDICATOR);
        return params;
    }
}
