package io.easel.components.selection;

import io.easel.component.Category;
import io.easel.component.ParamDef;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.ReportSpec;
import io.easel.component.Text;
import io.easel.components.spi.ModelData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A measure of how well a model does on rows it did not see, computed by Spark's evaluators ({@link HeldOutMetrics}).
 * Each suits some tasks and says which way is better; the metric param of model selection offers them all, each
 * meant for its kind of learner, and {@code auto} picks the usual one for the model's task.
 */
public enum ModelMetric {
    AUC("auc", Text.of("AUC", "AUC（ROC 曲线下面积）"), true, ModelTask.BINARY),
    PR_AUC("prAuc", Text.of("PR AUC", "PR AUC（精确率-召回率曲线下面积）"), true, ModelTask.BINARY),
    ACCURACY("accuracy", Text.of("Accuracy", "准确率"), true, ModelTask.BINARY, ModelTask.MULTICLASS),
    /** For two classes the F1 score of the positive class; for more, weighted by class size. */
    F1("f1", Text.of("F1 score", "F1 值"), true, ModelTask.BINARY, ModelTask.MULTICLASS),
    WEIGHTED_PRECISION("weightedPrecision", Text.of("Weighted precision", "加权精确率"), true, ModelTask.MULTICLASS),
    WEIGHTED_RECALL("weightedRecall", Text.of("Weighted recall", "加权召回率"), true, ModelTask.MULTICLASS),
    /** Only for models with class probabilities. */
    LOG_LOSS("logLoss", Text.of("Log loss", "对数损失"), false, ModelTask.BINARY, ModelTask.MULTICLASS),
    RMSE("rmse", Text.of("RMSE", "均方根误差"), false, ModelTask.REGRESSION),
    MAE("mae", Text.of("MAE", "平均绝对误差"), false, ModelTask.REGRESSION),
    R2("r2", Text.of("R²", "决定系数 R²"), true, ModelTask.REGRESSION),
    /** With squared euclidean distances in the model's feature space. */
    SILHOUETTE("silhouette", Text.of("Silhouette", "轮廓系数"), true, ModelTask.CLUSTERING);

    /** The metric param's value that picks the usual metric of the model's task. */
    public static final String AUTO = "auto";

    private final String id;
    private final Text title;
    private final boolean higherIsBetter;
    private final Set<ModelTask> tasks;

    ModelMetric(String id, Text title, boolean higherIsBetter, ModelTask... tasks) {
        this.id = id;
        this.title = title;
        this.higherIsBetter = higherIsBetter;
        this.tasks = EnumSet.copyOf(List.of(tasks));
    }

    public String id() {
        return id;
    }

    public Text title() {
        return title;
    }

    /**
     * A number that is the smaller the better {@code value} is, for ranking: RMSE as it is, accuracy negated; a value
     * that could not be measured (NaN) ranks last.
     */
    public double badness(double value) {
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : higherIsBetter ? -value : value;
    }

    /**
     * The metric param of a model selection component: {@code auto} or one metric, each meant for the learners of
     * its tasks, so that validation refuses, say, RMSE for a classifier.
     */
    public static Param<String> param(Port model) {
        List<ParamDef.Choice> options = new ArrayList<>();
        options.add(Param.option(AUTO, Text.of("Automatic, by the model's task", "按模型任务自动选择")));
        for (ModelMetric metric : values()) {
            options.add(Param.option(metric.id, metric.title).forLearners(metric.tasks.stream()
                    .map(ModelTask::learners).distinct().toArray(Category[]::new)));
        }
        return Param.choice("metric", Text.of("Metric", "评估指标"), options.toArray(ParamDef.Choice[]::new))
                .description(Text.of("What the model is judged by on the rows it did not see. Automatic: AUC for "
                                + "two classes, accuracy for more, RMSE for regression, silhouette for clustering. "
                                + "AUC and PR AUC need two classes, log loss class probabilities.",
                        "在模型未见过的行上衡量模型的指标。自动：二分类用 AUC，多分类用准确率，回归用 RMSE，聚类用轮廓系数。"
                                + "AUC 和 PR AUC 需要两个类别，对数损失需要类别概率。"))
                .defaultValue(AUTO)
                .learnerOf(model);
    }

    /**
     * The metric the param names for this model ({@code auto}: the usual one of its task).
     *
     * @throws IllegalArgumentException when it does not suit the model (AUC of three classes), saying which do
     */
    public static ModelMetric chosen(String componentId, String value, ModelTask task, ModelData model) {
        if (AUTO.equals(value)) {
            return switch (task) {
                case BINARY -> AUC;
                case MULTICLASS -> ACCURACY;
                case REGRESSION -> RMSE;
                case CLUSTERING -> SILHOUETTE;
            };
        }
        ModelMetric metric = Arrays.stream(values()).filter(m -> m.id.equals(value)).findFirst().orElseThrow();
        if (!measured(task, model).contains(metric)) {
            throw new IllegalArgumentException(componentId + ": param 'metric' is '" + value + "', which "
                    + (metric == LOG_LOSS && metric.tasks.contains(task)
                            ? "needs class probabilities, and the model from '" + model.spec().algorithm()
                                    + "' gives none"
                            : "does not measure " + describe(task, model))
                    + "; use one of " + measured(task, model).stream().map(ModelMetric::id)
                            .collect(Collectors.joining(", ")) + " or auto");
        }
        return metric;
    }

    /** Every metric measured for a model of this task: the ones a report shows. */
    public static List<ModelMetric> measured(ModelTask task, ModelData model) {
        boolean probabilities = model.spec().outputs().stream().anyMatch(c -> c.name().equals(ModelData.PROBABILITY));
        return Arrays.stream(values())
                .filter(m -> m.tasks.contains(task) && (m != LOG_LOSS || probabilities))
                .toList();
    }

    /** Declares, for every metric, its mean and standard deviation over the parts a model was validated on. */
    public static ReportSpec.Builder meansAndDeviations(ReportSpec.Builder report) {
        for (ModelMetric metric : values()) {
            report.metric(metric.id + "Mean", "Mean " + metric.title.en(), metric.title.zh() + "均值");
            report.metric(metric.id + "Std", "Standard deviation of " + metric.title.en(), metric.title.zh() + "标准差");
        }
        return report;
    }

    private static String describe(ModelTask task, ModelData model) {
        String what = switch (task) {
            case BINARY, MULTICLASS -> "a classifier of " + model.labels().size() + " classes";
            case REGRESSION -> "a regressor";
            case CLUSTERING -> "a clustering";
        };
        return what + " (the model from '" + model.spec().algorithm() + "')";
    }
}
