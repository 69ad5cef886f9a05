package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import scala.Tuple2;

/**
 * Scores a binary classifier's output against the true labels: ranking quality (AUC, PR AUC, KS), calibration
 * (log loss) and the confusion at one threshold, plus ROC and precision-recall curves. Everything is computed by
 * Spark; only the curves (at most {@value #MAX_CURVE_POINTS} points each) come back to the driver.
 */
public final class BinaryClassificationEvaluation implements SparkComponent {

    static final String ID = "binary-classification-evaluation";
    static final String KIND = "binary-classification";
    static final int MAX_CURVE_POINTS = 101;
    private static final double LOG_LOSS_EPSILON = 1e-15;

    /** What the report holds, in the order it shows it. */
    public static final ReportSpec SPEC = ReportSpec.builder(KIND)
            .headline("auc", "AUC", "AUC")
            .headline("ks", "KS", "KS")
            .headline("accuracy", "Accuracy", "准确率")
            .headline("f1", "F1 score", "F1 值")
            .metric("prAuc", "PR AUC", "PR AUC")
            .metric("logLoss", "Log loss", "对数损失")
            .metric("precision", "Precision", "精确率")
            .metric("recall", "Recall", "召回率")
            .metric("positives", "Positives", "正例数")
            .metric("negatives", "Negatives", "负例数")
            .metric("rows", "Rows", "行数")
            .metric("threshold", "Threshold", "阈值")
            .metric("positiveLabel", "Positive label", "正类标签")
            .chart("roc", ReportSpec.ChartKind.CURVE_WITH_DIAGONAL, Text.of("ROC curve", "ROC 曲线"),
                    Text.of("False positive rate", "假正率"), Text.of("True positive rate", "真正率"))
            .chart("pr", ReportSpec.ChartKind.CURVE, Text.of("Precision–recall curve", "精确率-召回率曲线"),
                    Text.of("Recall", "召回率"), Text.of("Precision", "精确率"))
            .build();

    public static final Port IN = ScoredTable.IN;

    public static final Param<String> LABEL_COLUMN = ScoredTable.CLASS_LABEL;

    public static final Param<String> SCORE_COLUMN = Param.column("scoreColumn", Text.of("Score column", "得分列"),
                    IN, DataType.DOUBLE)
            .description(Text.of("The predicted probability of the positive class.", "预测为正类的概率。"))
            .defaultValue(ModelData.SCORE)
            .required();

    public static final Param<String> POSITIVE_LABEL = Param.string("positiveLabel",
                    Text.of("Positive label", "正类标签"))
            .description(Text.of("The label value the score is the probability of; leave blank to take it from "
                            + "the model that produced the score.",
                    "得分所对应的标签取值；留空则沿用产生该得分的模型的设置。"));

    public static final Param<Double> THRESHOLD = Param.decimal("threshold", Text.of("Threshold", "阈值"))
            .description(Text.of("Scores at or above it count as positive for accuracy, precision, recall and F1.",
                    "得分不低于该值即判为正类，用于计算准确率、精确率、召回率和 F1。"))
            .defaultValue(0.5)
            .range(0, 1);

    public static final Port REPORT = Port.output("report", PortType.REPORT,
            Text.of("Evaluation report", "评估报告"), SchemaRule.fixed(SPEC));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.EVALUATION)
            .title("Binary classification evaluation", "二分类评估")
            .description("Evaluates predicted scores against true labels: AUC, PR AUC, KS, log loss, accuracy, "
                            + "precision, recall and F1, with ROC and precision-recall curves.",
                    "根据真实标签评估预测得分：AUC、PR AUC、KS、对数损失、准确率、精确率、召回率和 F1，并给出 ROC 曲线和精确率-召回率曲线。")
            .keywords("evaluate", "auc", "roc", "ks", "precision", "recall", "f1", "metrics", "评估", "指标",
                    "准确率", "召回率")
            .inputs(IN)
            .outputs(REPORT)
            .params(LABEL_COLUMN, SCORE_COLUMN, POSITIVE_LABEL, THRESHOLD)
            .examples(Example.of("A GBDT on credit_g's test part", "GBDT 在 credit_g 测试集上的表现",
                            Map.of("labelColumn", "class"))
                    .input(IN, ExampleData.scored(ExampleData.model("gbdt-classifier", Map.of("labelColumn", "class"),
                            ExampleData.train("credit_g")), ExampleData.test("credit_g"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        Dataset<Row> rows = ctx.table(IN).rows();
        String label = ctx.param(LABEL_COLUMN);
        String score = ctx.param(SCORE_COLUMN);
        StructField scoreField = rows.schema().apply(score);
        String positive = positiveLabel(ctx.param(POSITIVE_LABEL), scoreField);
        boolean probabilities = !scoreField.metadata().contains(ModelData.SCORE_IS_PROBABILITY_METADATA)
                || scoreField.metadata().getBoolean(ModelData.SCORE_IS_PROBABILITY_METADATA);
        double threshold = ctx.param(THRESHOLD);

        Dataset<Row> pairs = rows
                .filter(col(label).isNotNull().and(col(score).isNotNull()).and(isnan(col(score)).unary_$bang()))
                .select(col(score).as("s"),
                        when(col(label).cast("string").equalTo(positive), 1.0).otherwise(0.0).as("y"))
                .persist();
        try {
            ctx.output(REPORT, report(pairs, label, positive, threshold, probabilities));
        } finally {
            pairs.unpersist();
        }
    }

    /** @param probabilities whether scores are probabilities; log loss means nothing for margins */
    private static ReportData report(Dataset<Row> pairs, String label, String positive, double threshold,
            boolean probabilities) {
        Column s = col("s");
        Column y = col("y");
        Column p = least(greatest(s, lit(LOG_LOSS_EPSILON)), lit(1 - LOG_LOSS_EPSILON));
        Column predictedPositive = s.geq(threshold);
        Row totals = pairs.agg(
                count(lit(1)),
                sum(y),
                sum(when(predictedPositive.and(y.equalTo(1.0)), 1L).otherwise(0L)),
                sum(when(predictedPositive.and(y.equalTo(0.0)), 1L).otherwise(0L)),
                sum(when(predictedPositive.unary_$bang().and(y.equalTo(0.0)), 1L).otherwise(0L)),
                avg(y.multiply(log(p)).plus(lit(1.0).minus(y).multiply(log(lit(1.0).minus(p)))).unary_$minus()))
                .first();
        long rows = totals.getLong(0);
        long positives = totals.isNullAt(1) ? 0 : (long) totals.getDouble(1);
        long negatives = rows - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException(ID + ": label column '" + label + "' has " + positives
                    + " rows with the positive label '" + positive + "' and " + negatives
                    + " other rows among the scored rows; both classes are needed");
        }
        long truePositives = totals.getLong(2);
        long falsePositives = totals.getLong(3);
        long trueNegatives = totals.getLong(4);
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, positives);

        RDD<Tuple2<Object, Object>> scoreAndLabel = pairs.javaRDD()
                .map(r -> new Tuple2<Object, Object>(r.getDouble(0), r.getDouble(1))).rdd();
        BinaryClassificationMetrics exact = new BinaryClassificationMetrics(scoreAndLabel, 0);
        BinaryClassificationMetrics binned = new BinaryClassificationMetrics(scoreAndLabel, MAX_CURVE_POINTS - 1);
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> charts = new LinkedHashMap<>();
        try {
            metrics.put("auc", exact.areaUnderROC());
            metrics.put("prAuc", exact.areaUnderPR());
            metrics.put("ks", exact.roc().toJavaRDD().map(point -> (Double) point._2() - (Double) point._1())
                    .reduce(Math::max));
            charts.put("roc", curve(binned.roc()));
            charts.put("pr", curve(binned.pr()));
        } finally {
            exact.unpersist();
            binned.unpersist();
        }
        if (probabilities) {
            metrics.put("logLoss", totals.getDouble(5));
        }
        metrics.put("accuracy", ratio(truePositives + trueNegatives, rows));
        metrics.put("precision", precision);
        metrics.put("recall", recall);
        metrics.put("f1", precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall));
        metrics.put("positives", positives);
        metrics.put("negatives", negatives);
        metrics.put("rows", rows);
        metrics.put("threshold", threshold);
        metrics.put("positiveLabel", positive);
        return new ReportData(KIND, metrics, charts);
    }

    private static String positiveLabel(String requested, StructField scoreField) {
        if (requested != null && !requested.isBlank()) {
            return requested.strip();
        }
        if (scoreField.metadata().contains(ModelData.POSITIVE_LABEL_METADATA)) {
            return scoreField.metadata().getString(ModelData.POSITIVE_LABEL_METADATA);
        }
        throw new IllegalArgumentException(ID + ": param 'positiveLabel' is blank and score column '"
                + scoreField.name() + "' does not say which label it scores (it did not come from a predict node); "
                + "set 'positiveLabel'");
    }

    /** The curve's points as [x, y], thinned evenly (keeping both ends) to at most {@value #MAX_CURVE_POINTS}. */
    private static List<List<Double>> curve(RDD<Tuple2<Object, Object>> points) {
        List<Tuple2<Object, Object>> all = points.toJavaRDD().collect();
        List<List<Double>> curve = new ArrayList<>();
        int n = all.size();
        int kept = Math.min(n, MAX_CURVE_POINTS);
        for (int i = 0; i < kept; i++) {
            int at = kept == 1 ? 0 : (int) Math.round((double) i * (n - 1) / (kept - 1));
            Tuple2<Object, Object> point = all.get(at);
            curve.add(List.of((Double) point._1(), (Double) point._2()));
        }
        return curve;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
