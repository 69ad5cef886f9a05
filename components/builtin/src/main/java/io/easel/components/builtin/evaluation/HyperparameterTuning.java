package io.easel.components.builtin.evaluation;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.SearchSpace;
import io.easel.component.Text;
import io.easel.components.selection.LearnerValidation;
import io.easel.components.selection.LearnerValidation.Spread;
import io.easel.components.selection.ModelMetric;
import io.easel.components.selection.SelectionParams;
import io.easel.components.selection.Setting;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Tunes the params of any learner: the learner of the model on input {@code model} is trained again with each
 * setting of a search space (every combination, or random draws), each judged on rows it did not see (k folds or a
 * validation part) by one metric. The report lists every setting tried with its metric, best first; the best setting
 * is trained on every row and is the output model, exported to PMML whenever the learner's own model is.
 */
public final class HyperparameterTuning implements SparkComponent {

    static final String ID = "hyperparameter-tuning";
    static final String GRID = "grid";
    static final String RANDOM = "random";
    static final String FOLDS = "folds";
    static final String SPLIT = "split";
    /** More settings than this is hours of training: a user should narrow the grid or sample it. */
    static final int MAX_SETTINGS = 500;
    /** The bars of the metric per setting: the best ones, as many as a panel shows; the table lists them all. */
    static final int MAX_BARS = 30;

    public static final Param<SearchSpace> SEARCH_SPACE = Param.searchSpace("searchSpace",
                    Text.of("Values to try", "待尝试的取值"), SelectionParams.MODEL)
            .description(Text.of("Params of the learner and their values, one per entry separated by ';': a list "
                            + "('maxDepth: 3, 5, 7', 'impurity: gini, entropy') or a range of numbers "
                            + "('stepSize: 0.05..0.3'; add 'log' for a log scale: 'regParam: 0.0001..1 log'). "
                            + "Params not named keep the values set on the learner's node.",
                    "学习器的参数及其取值，各项以“;”分隔：列出取值（如 'maxDepth: 3, 5, 7'、'impurity: gini, entropy'）"
                            + "或给出数值范围（如 'stepSize: 0.05..0.3'；对数尺度加 'log'，如 'regParam: 0.0001..1 log'）。"
                            + "未列出的参数沿用学习器节点上的设置。"))
            .required();

    public static final Param<String> STRATEGY = Param.choice("strategy", Text.of("Search", "搜索方式"),
                    Param.option(GRID, Text.of("Grid: every combination", "网格：尝试所有组合")),
                    Param.option(RANDOM, Text.of("Random: a number of random draws", "随机：随机抽取若干组")))
            .description(Text.of("A grid tries every combination of the values (a range as evenly spaced points); "
                            + "a random search draws each param from its list or range.",
                    "网格搜索尝试所有取值组合（范围取等间距的点）；随机搜索从各参数的取值列表或范围中随机抽取。"))
            .defaultValue(GRID);

    public static final Param<Integer> TRIALS = Param.integer("trials", Text.of("Settings to try", "尝试的组数"))
            .description(Text.of("How many different settings a random search draws.", "随机搜索抽取的不同参数组合数。"))
            .defaultValue(10)
            .range(1, MAX_SETTINGS)
            .visibleWhen(STRATEGY, RANDOM);

    public static final Param<Integer> GRID_POINTS = Param.integer("gridPoints",
                    Text.of("Points per range", "每个范围取的点数"))
            .description(Text.of("A grid tries a range at this many evenly spaced points, ends included (on a log "
                            + "scale for a 'log' range).",
                    "网格搜索在每个范围上取这么多个等间距的点（含两端；'log' 范围按对数尺度取点）。"))
            .defaultValue(3)
            .range(2, 20)
            .visibleWhen(STRATEGY, GRID)
            .advanced();

    public static final Param<String> VALIDATION = Param.choice("validation", Text.of("Judged by", "评估方式"),
                    Param.option(FOLDS, Text.of("k-fold cross-validation", "k 折交叉验证")),
                    Param.option(SPLIT, Text.of("A training and a validation part", "训练集与验证集划分")))
            .description(Text.of("Cross-validation trains each setting once per fold and is steadier; a split "
                            + "trains it once.",
                    "交叉验证对每组参数每折训练一次，结果更稳定；划分验证集只训练一次。"))
            .defaultValue(FOLDS);

    public static final Param<Integer> TUNING_FOLDS = SelectionParams.FOLDS.defaultValue(3)
            .visibleWhen(VALIDATION, FOLDS);

    public static final Param<Double> TRAIN_FRACTION = Param.decimal("trainFraction",
                    Text.of("Training share", "训练集比例"))
            .description(Text.of("The share of rows each setting trains on; it is judged on the rest.",
                    "每组参数训练所用的行的比例；在其余的行上评估。"))
            .defaultValue(0.75)
            .range(0, true, 1, true)
            .visibleWhen(VALIDATION, SPLIT);

    public static final Param<Integer> SEED = SelectionParams.SEED
            .description(Text.of("Decides which rows go to which part and, in a random search, which settings are "
                            + "drawn; the same seed repeats a tuning exactly.",
                    "决定各行分到哪一份，以及随机搜索抽取哪些参数组合；相同种子可完全重现一次调优。"));

    public static final ReportSpec SPEC = ReportSpec.builder(ID)
            .headline("metric", "Metric", "评估指标")
            .headline("best", "Best value", "最佳值")
            .headline("bestParams", "Best setting", "最佳参数组合")
            .metric("bestStd", "Standard deviation of the best over the folds", "最佳组合在各折上的标准差")
            .metric("worst", "Worst value", "最差值")
            .metric("trials", "Settings tried", "尝试的组数")
            .metric("validation", "Judged by", "评估方式")
            .chart("metricPerSetting", ReportSpec.ChartKind.BARS, Text.of("The metric per setting, best first",
                    "各组参数的评估指标（最佳在前）"), Text.of("Metric", "评估指标"), Text.of("Setting", "参数组合"))
            .chart("trials", ReportSpec.ChartKind.TABLE, Text.of("Settings tried, best first",
                    "尝试过的参数组合（最佳在前）"))
            .build();

    public static final Port BEST = Port.output("best", PortType.MODEL, Text.of("Best model", "最佳模型"),
            SchemaRule.retrainedModel(SelectionParams.MODEL.name())).withPmmlAsInput(SelectionParams.MODEL);

    public static final Port REPORT = Port.output("report", PortType.REPORT,
            Text.of("Tuning report", "调参报告"), SchemaRule.fixed(SPEC));

    public static final Port BEST_PARAMS = Port.output("bestParams", PortType.TABLE,
            Text.of("Best setting", "最佳参数组合"), SchemaRule.newTable()
                    .add(ColumnOp.Name.of("param"), ColumnOp.Type.of(DataType.STRING))
                    .add(ColumnOp.Name.of("value"), ColumnOp.Type.of(DataType.STRING)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.EVALUATION)
            .title("Hyperparameter tuning", "超参数调优")
            .description("Finds the best params of any learner: connect the model of a learner node and a table, "
                            + "and list the values to try. Every combination (grid) or a number of random draws is "
                            + "trained and judged on rows it did not see, by k-fold cross-validation or a validation "
                            + "part. The report lists every setting with its metric, best first; the best setting, "
                            + "trained on every row, is the output model, deployable whenever the learner's model is.",
                    "为任一学习器寻找最佳参数：连接学习器节点的模型和一张数据表，并列出待尝试的取值。对所有组合（网格）或若干随机抽取的组合"
                            + "进行训练，并通过 k 折交叉验证或验证集在未见过的行上评估。报告按从好到差列出每组参数及其指标；最佳参数在全部"
                            + "行上训练得到输出模型，学习器的模型能部署时它也能部署。")
            .keywords("hyperparameter tuning", "tune", "grid search", "random search", "parameter search",
                    "model selection", "optimization", "调参", "超参数", "网格搜索", "随机搜索", "模型选择")
            .inputs(SelectionParams.MODEL, SelectionParams.IN)
            .outputs(BEST, REPORT, BEST_PARAMS)
            .params(SEARCH_SPACE, STRATEGY, TRIALS, GRID_POINTS, VALIDATION, TUNING_FOLDS, TRAIN_FRACTION,
                    SelectionParams.METRIC, SEED)
            .examples(new Example(Text.of("Tree depth of a random forest on diabetes, judged on a validation part",
                            "diabetes 上随机森林的树深度，用验证集评估"),
                            Map.of("searchSpace", "maxDepth: 1, 5", "validation", SPLIT),
                            Map.of(SelectionParams.MODEL.name(), ExampleData.model("random-forest-regressor",
                                            Map.of("labelColumn", "progression", "numTrees", 10),
                                            ExampleData.dataset("diabetes")),
                                    SelectionParams.IN.name(), ExampleData.dataset("diabetes"))),
                    new Example(Text.of("Regularization of logistic regression on iris, random search with 2 folds",
                            "鸢尾花上逻辑回归的正则化强度，2 折随机搜索"),
                            Map.of("searchSpace", "regParam: 0.001..1 log", "strategy", RANDOM, "trials", 3,
                                    "folds", 2),
                            Map.of(SelectionParams.MODEL.name(), ExampleData.model("logistic-regression",
                                            Map.of("labelColumn", "species", "maxIter", 20),
                                            ExampleData.dataset("iris")),
                                    SelectionParams.IN.name(), ExampleData.dataset("iris"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** One setting tried: the params it trained with, and each metric's spread over the held-out parts. */
    private record Trial(Setting setting, Map<String, Object> params, Map<ModelMetric, Spread> metrics,
            double seconds) {}

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(SelectionParams.IN);
        LearnerValidation.Setup setup = LearnerValidation.setup(ID, ctx.spark(), ctx.model(SelectionParams.MODEL),
                in, ctx.param(SelectionParams.METRIC));
        List<Map<String, Object>> settings = settings(ctx, ctx.param(SEARCH_SPACE)
                .resolve(setup.trainer().component()));
        List<String> inert = SearchSpace.withoutEffect(setup.trainer().component(), setup.trainer().params(),
                settings);
        if (!inert.isEmpty()) {
            throw new IllegalArgumentException(ID + ": param 'searchSpace': " + String.join("; ", inert));
        }
        long seed = ctx.param(SEED);
        boolean folds = FOLDS.equals(ctx.param(VALIDATION));
        try (LearnerValidation validation = folds ? setup.folds(ctx.param(TUNING_FOLDS), seed)
                : setup.split(ctx.param(TRAIN_FRACTION), seed)) {
            List<Trial> trials = new ArrayList<>();
            for (Map<String, Object> setting : settings) {
                trials.add(trial(validation, setting));
            }
            ModelMetric metric = validation.metric();
            trials.sort(Comparator.comparingDouble(t -> metric.badness(t.metrics().get(metric).mean())));
            Trial best = trials.getFirst();
            ModelData model = validation.trainOnAll(best.params());
            ctx.output(BEST, model);
            ctx.output(REPORT, report(validation, trials, folds, folds
                    ? ctx.param(TUNING_FOLDS) + "-fold cross-validation"
                    : "validation part of " + Math.round(100 * (1 - ctx.param(TRAIN_FRACTION))) + "% of the rows"));
            ctx.output(BEST_PARAMS, TableData.source(ctx.spark().createDataFrame(best.setting().values().entrySet()
                    .stream().map(e -> RowFactory.create(e.getKey(), String.valueOf(e.getValue()))).toList(),
                    new StructType().add("param", DataTypes.StringType).add("value", DataTypes.StringType))));
        }
    }

    /** The settings to try: the grid, or random draws. */
    private static List<Map<String, Object>> settings(ExecutionContext ctx, SearchSpace.Resolved space) {
        if (RANDOM.equals(ctx.param(STRATEGY))) {
            return space.sample(ctx.param(TRIALS), ctx.param(SEED));
        }
        long size = space.gridSize(ctx.param(GRID_POINTS));
        if (size > MAX_SETTINGS) {
            throw new IllegalArgumentException(ID + ": the grid of param 'searchSpace' has " + size + " settings, "
                    + "more than the " + MAX_SETTINGS + " a tuning tries; list fewer values, lower 'gridPoints', or "
                    + "search at random with a number of 'trials'");
        }
        return space.grid(ctx.param(GRID_POINTS));
    }

    private static Trial trial(LearnerValidation validation, Map<String, Object> setting) {
        Map<String, Object> params = new LinkedHashMap<>(validation.trainer().params());
        params.putAll(setting);
        long start = System.nanoTime();
        List<LearnerValidation.Part> parts = validation.judge(params);
        Map<ModelMetric, Spread> metrics = new LinkedHashMap<>();
        validation.measured().forEach(m -> metrics.put(m, Spread.of(parts, m)));
        return new Trial(new Setting(setting), params, metrics, (System.nanoTime() - start) / 1e9);
    }

    /** @param folds whether settings were judged by folds (each has a spread) rather than one validation part */
    private static ReportData report(LearnerValidation validation, List<Trial> trials, boolean folds,
            String judgedBy) {
        ModelMetric chosen = validation.metric();
        Trial best = trials.getFirst();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("metric", chosen.id());
        metrics.put("best", best.metrics().get(chosen).mean());
        metrics.put("bestParams", best.setting().toString());
        if (folds) {
            metrics.put("bestStd", best.metrics().get(chosen).std());
        }
        metrics.put("worst", trials.getLast().metrics().get(chosen).mean());
        metrics.put("trials", trials.size());
        metrics.put("validation", judgedBy);
        List<String> columns = new ArrayList<>(List.of("rank"));
        columns.addAll(best.setting().values().keySet());
        columns.add(chosen.id());
        if (folds) {
            columns.add(chosen.id() + "Std");
        }
        List<ModelMetric> others = validation.measured().stream().filter(m -> m != chosen).toList();
        others.forEach(m -> columns.add(m.id()));
        columns.add("seconds");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Trial trial = trials.get(i);
            List<Object> row = new ArrayList<>();
            row.add(i + 1);
            row.addAll(trial.setting().values().values());
            row.add(trial.metrics().get(chosen).mean());
            if (folds) {
                row.add(trial.metrics().get(chosen).std());
            }
            others.forEach(m -> row.add(trial.metrics().get(m).mean()));
            row.add(Math.round(trial.seconds() * 10) / 10.0);
            rows.add(row);
        }
        Map<String, Object> perSetting = new LinkedHashMap<>();
        trials.stream().limit(MAX_BARS)
                .forEach(trial -> perSetting.put(trial.setting().toString(), trial.metrics().get(chosen).mean()));
        return new ReportData(ID, metrics, Map.of("metricPerSetting", perSetting,
                "trials", Map.of("columns", columns, "rows", rows)));
    }
}
