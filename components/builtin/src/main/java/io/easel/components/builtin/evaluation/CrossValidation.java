package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.col;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.learn.ClusteringLearner;
import io.easel.components.selection.LearnerValidation;
import io.easel.components.selection.LearnerValidation.Part;
import io.easel.components.selection.LearnerValidation.Spread;
import io.easel.components.selection.ModelMetric;
import io.easel.components.selection.SelectionParams;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * k-fold cross-validation of any learner: the learner of the model on input {@code model} is trained again k times,
 * each time without one fold of the table, and measured on that fold. The report has every metric per fold and
 * their mean and standard deviation; the table has every row scored by the model that did not see it.
 */
public final class CrossValidation implements SparkComponent {

    static final String ID = "cross-validation";
    static final String FOLD = "fold";

    public static final ReportSpec SPEC = ModelMetric.meansAndDeviations(ReportSpec.builder(ID)
                    .headline("metric", "Metric", "评估指标")
                    .headline("mean", "Mean over the folds", "各折均值")
                    .headline("std", "Standard deviation over the folds", "各折标准差")
                    .metric("folds", "Folds", "折数")
                    .metric("rows", "Rows measured", "参与评估的行数"))
            .chart("perFold", ReportSpec.ChartKind.TABLE, Text.of("Metrics per fold", "各折指标"))
            .chart("summary", ReportSpec.ChartKind.TABLE, Text.of("Mean and spread of each metric",
                    "各指标的均值与离散程度"))
            .chart("metricPerFold", ReportSpec.ChartKind.BARS, Text.of("The metric per fold", "各折的评估指标"),
                    Text.of("Metric", "评估指标"), Text.of("Fold", "折"))
            .build();

    public static final Port REPORT = Port.output("report", PortType.REPORT,
            Text.of("Cross-validation report", "交叉验证报告"), SchemaRule.fixed(SPEC));

    public static final Port OUT = Port.output("out", PortType.TABLE,
            Text.of("Out-of-fold predictions", "折外预测"),
            SchemaRule.sameAs(SelectionParams.IN.name()).appendModelOutputs(SelectionParams.MODEL.name())
                    .add(ColumnOp.Name.of(FOLD), ColumnOp.Type.of(DataType.INTEGER)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.EVALUATION)
            .title("Cross-validation", "交叉验证")
            .description("Estimates how well a learner does on data it has not seen: connect the model of any "
                            + "learner node and a table. The table's rows are divided into k folds; the learner, "
                            + "with the params set on its node, is trained k times without one fold and measured on "
                            + "it. The report gives every metric per fold with its mean and standard deviation; the "
                            + "table gives every row scored by the model that did not see it, with its fold.",
                    "估计学习器在未见过的数据上的表现：连接任一学习器节点的模型和一张数据表。数据行被分成 k 折；学习器按其节点上的参数训练 "
                            + "k 次，每次留出一折并在该折上评估。报告给出每折的各项指标及其均值和标准差；数据表给出每一行由未见过它的模型所做的"
                            + "预测，以及它所在的折。")
            .keywords("cross-validation", "cross validation", "k-fold", "kfold", "cv", "validation", "out-of-fold",
                    "model selection", "交叉验证", "k 折", "模型选择", "验证")
            .inputs(SelectionParams.MODEL, SelectionParams.IN)
            .outputs(REPORT, OUT)
            .params(SelectionParams.FOLDS, SelectionParams.METRIC, SelectionParams.SEED)
            .examples(example("A GBDT on credit_g, 3 folds", "credit_g 上的 GBDT，3 折",
                            ExampleData.model("gbdt-classifier", Map.of("labelColumn", "class", "maxIter", 5,
                                    "maxDepth", 3), ExampleData.dataset("credit_g")), "credit_g"),
                    example("Linear regression on diabetes, 3 folds", "diabetes 上的线性回归，3 折",
                            ExampleData.model("linear-regression", Map.of("labelColumn", "progression"),
                                    ExampleData.dataset("diabetes")), "diabetes"),
                    example("K-means with 3 clusters on iris, 3 folds", "鸢尾花上 3 个簇的 K 均值，3 折",
                            ExampleData.model("k-means", Map.of("k", 3, "featureColumns",
                                    ClusteringLearner.IRIS_MEASUREMENTS), ExampleData.dataset("iris")), "iris"))
            .build();

    private static Example example(String en, String zh, Example.Upstream model, String dataset) {
        return new Example(Text.of(en, zh), Map.of("folds", 3), Map.of(SelectionParams.MODEL.name(), model,
                SelectionParams.IN.name(), ExampleData.dataset(dataset)));
    }

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(SelectionParams.IN);
        int folds = ctx.param(SelectionParams.FOLDS);
        try (LearnerValidation validation = LearnerValidation.setup(ID, ctx.spark(), ctx.model(SelectionParams.MODEL),
                in, ctx.param(SelectionParams.METRIC)).folds(folds, ctx.param(SelectionParams.SEED))) {
            List<Part> parts = validation.judge(validation.trainer().params());
            ctx.output(REPORT, report(validation, parts));
            ctx.output(OUT, in.withRows(outOfFold(validation, parts)));
        }
    }

    /** Each fold's rows scored by the model trained without them, with the fold's number from 1. */
    private static Dataset<Row> outOfFold(LearnerValidation validation, List<Part> parts) {
        Dataset<Row> all = null;
        for (Part part : parts) {
            Dataset<Row> scored = part.model().score(validation.heldOut(part.part()))
                    .withColumn(FOLD, col(LearnerValidation.PART).plus(1))
                    .drop(LearnerValidation.PART);
            all = all == null ? scored : all.union(scored);
        }
        return all;
    }

    private static ReportData report(LearnerValidation validation, List<Part> parts) {
        ModelMetric chosen = validation.metric();
        Spread spread = Spread.of(parts, chosen);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("metric", chosen.id());
        metrics.put("mean", spread.mean());
        metrics.put("std", spread.std());
        metrics.put("folds", parts.size());
        metrics.put("rows", parts.stream().mapToLong(Part::rows).sum());
        List<String> perFoldColumns = new ArrayList<>(List.of("fold", "rows"));
        List<List<Object>> summary = new ArrayList<>();
        for (ModelMetric metric : validation.measured()) {
            Spread of = Spread.of(parts, metric);
            metrics.put(metric.id() + "Mean", of.mean());
            metrics.put(metric.id() + "Std", of.std());
            perFoldColumns.add(metric.id());
            summary.add(List.of(metric.id(), of.mean(), of.std(), of.min(), of.max()));
        }
        List<List<Object>> perFold = new ArrayList<>();
        Map<String, Object> chosenPerFold = new LinkedHashMap<>();
        for (Part part : parts) {
            List<Object> row = new ArrayList<>(List.of(part.part() + 1, part.rows()));
            validation.measured().forEach(m -> row.add(part.metrics().get(m)));
            perFold.add(row);
            chosenPerFold.put("fold " + (part.part() + 1), part.metrics().get(chosen));
        }
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("perFold", Map.of("columns", perFoldColumns, "rows", perFold));
        charts.put("summary", Map.of("columns", List.of("metric", "mean", "std", "min", "max"), "rows", summary));
        charts.put("metricPerFold", chosenPerFold);
        return new ReportData(ID, metrics, charts);
    }
}
