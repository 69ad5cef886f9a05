package io.easel.components.builtin.regression;

import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.spi.ExampleData;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.regression.IsotonicRegression;
import org.apache.spark.ml.regression.IsotonicRegressionModel;

/**
 * Isotonic regression (Spark's {@code IsotonicRegression}): the best fitting curve of one numeric feature that only
 * rises (or only falls), piecewise linear between the points where it steps. Converts to PMML through Easel's own
 * converter ({@code io.easel.components.pmml.IsotonicRegressionModelConverter}).
 */
public final class IsotonicRegressor extends SupervisedLearner {

    static final Param<Boolean> ISOTONIC = Param.bool("isotonic", Text.of("Increasing", "单调递增"))
            .description(Text.of("On: the prediction never falls as the feature grows (isotonic); off: it never "
                            + "rises (antitonic).",
                    "开启：特征增大时预测值不下降（保序）；关闭：预测值不上升（反序）。"))
            .defaultValue(true);

    public IsotonicRegressor() {
        super(regressor("isotonic-regression")
                .title("Isotonic regression", "保序回归")
                .description("Fits the best curve of one numeric feature that only rises (or only falls), e.g. a "
                                + "dose–response or a score calibration. Between its steps the prediction is "
                                + "interpolated linearly; beyond the training range it stays at the last value.",
                        "拟合单个数值特征上只升不降（或只降不升）的最佳曲线，例如剂量-反应关系或分数校准。各阶跃点之间线性"
                                + "插值；超出训练范围时保持端点值。")
                .keywords("isotonic", "monotone", "monotonic", "antitonic", "calibration", "regression", "保序回归",
                        "单调", "校准", "回归")
                .weighted()
                .params(ISOTONIC)
                .checkBeforeFit(f -> {
                    if (f.slotCount() != 1 || !f.textCategories().isEmpty()) {
                        throw new IllegalArgumentException(f.componentId() + ": isotonic regression fits one "
                                + "numeric feature, but param 'featureColumns' gives " + f.params().list(
                                        "featureColumns") + "; choose one numeric column");
                    }
                })
                .estimator(p -> new IsotonicRegression().setIsotonic(p.get(ISOTONIC)))
                .facts((IsotonicRegressionModel m) -> TrainingFacts.of()
                        .put("boundaries", m.boundaries().size())
                        .map())
                .onlyTheseExamples()
                .examples(Example.of("Progression rising with body mass index", "病情进展随体重指数单调上升",
                                Map.of("labelColumn", "progression", "featureColumns", List.of("bmi")))
                        .input(IN, ExampleData.dataset("diabetes"))));
    }
}
