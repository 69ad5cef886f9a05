package io.easel.components.builtin.evaluation;

import static io.easel.components.builtin.evaluation.ScoredTable.column;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.ReportSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import java.util.LinkedHashMap;
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
 * (log loss) and the confusion at one threshold, plus ROC and precision-recall curves, the targeting curves (cumulative
 * gain, lift, KS; see {@link BinaryCurves}) and a table of the confusion at fixed thresholds ({@link ThresholdTable}).
 * Everything is computed by Spark; only the curves (at most {@value BinaryCurves#MAX_POINTS} points each) and the
 * table's counts come back to the driver.
 */
public final class BinaryClassificationEvaluation implements SparkComponent {

    static final String ID = "binary-classification-evaluation";
    static final String KIND = "binary-classification";
    private static final double LOG_LOSS_EPSILON = 1e-15;
    /** Where a margin (a classifier without probabilities) leans positive, unless the user sets a threshold. */
    private static final double MARGIN_THRESHOLD = 0.0;

    private static final Text TARGETED = Text.of("Share of rows targeted, highest scores first",
            "按得分从高到低选取的行占比");

    /** What the report holds, in the order it shows it. */
    public static final ReportSpec SPEC = ReportSpec.builder(KIND)
            .headline("auc", "AUC", "AUC")
            .headline("ks", "KS", "KS")
            .headline("accuracy", "Accuracy", "准确率")
            .headline("f1", "F1 score", "F1 值")
            .metric("prAuc", "PR AUC", "PR AUC")
            .metric("ksThreshold", "KS threshold", "KS 对应阈值")
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
            .chart("gain", ReportSpec.ChartKind.CURVE_WITH_DIAGONAL, Text.of("Cumulative gain", "累积增益曲线"),
                    TARGETED, Text.of("Share of positives found", "已覆盖正例占比"))
            .chart("lift", ReportSpec.ChartKind.CURVE, Text.of("Lift curve", "提升度曲线"),
                    TARGETED, Text.of("Lift (times random targeting)", "提升度（相对随机选取的倍数）"))
            .chart("ks", ReportSpec.ChartKind.CURVE, Text.of("KS curve", "KS 曲线"),
                    TARGETED, Text.of("True positive rate − false positive rate", "真正率 − 假正率"))
            .chart("thresholds", ReportSpec.ChartKind.TABLE, Text.of("Confusion by threshold", "各阈值下的混淆情况"))
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
            .description(Text.of("Scores at or above it count as positive for accuracy, precision, recall and F1. "
                            + "For a score that is a margin (linear SVM) it is 0 unless set.",
                    "得分不低于该值即判为正类，用于计算准确率、精确率、召回率和 F1。若得分为间隔（线性支持向量机），未设置时取 0。"))
            .defaultValue(0.5);

    public static final Port REPORT = ScoredTable.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.EVALUATION)
            .title("Binary classification evaluation", "二分类评估")
            .description("Evaluates predicted scores against true labels: AUC, PR AUC, KS, log loss, accuracy, "
                            + "precision, recall and F1, with ROC, precision-recall, cumulative gain, lift and KS "
                            + "curves and the confusion at thresholds from 0 to 1.",
                    "根据真实标签评估预测得分：AUC、PR AUC、KS、对数损失、准确率、精确率、召回率和 F1，并给出 ROC 曲线、"
                            + "精确率-召回率曲线、累积增益曲线、提升度曲线、KS 曲线，以及 0 到 1 各阈值下的混淆情况。")
            .keywords("evaluate", "auc", "roc", "ks", "lift", "gain", "threshold", "precision", "recall", "f1",
                    "metrics", "评估", "指标", "准确率", "召回率", "提升度", "阈值")
            .inputs(IN)
            .outputs(REPORT)
            .params(LABEL_COLUMN, SCORE_COLUMN, POSITIVE_LABEL, THRESHOLD)
            .examples(ScoredTable.example("A GBDT on credit_g's test part", "GBDT 在 credit_g 测试集上的表现",
                    "gbdt-classifier", "class", "credit_g"))
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
        double threshold = probabilities || ctx.params().userSet().containsKey(THRESHOLD.name())
                ? ctx.param(THRESHOLD) : MARGIN_THRESHOLD;

        Column s = column(score);
        Dataset<Row> pairs = rows
                .filter(column(label).isNotNull().and(s.isNotNull()).and(isnan(s).unary_$bang()))
                .select(s.as("s"), when(column(label).cast("string").equalTo(positive), 1.0).otherwise(0.0).as("y"))
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
        Row totals = pairs.agg(min(s), max(s),
                avg(y.multiply(log(p)).plus(lit(1.0).minus(y).multiply(log(lit(1.0).minus(p)))).unary_$minus()))
                .first();
        if (totals.isNullAt(0)) {
            throw new IllegalArgumentException(ID + ": no row has both a label in '" + label + "' and a score");
        }
        ThresholdTable table = ThresholdTable.of(pairs, probabilities, totals.getDouble(0), totals.getDouble(1),
                threshold);
        long positives = table.positives();
        long negatives = table.negatives();
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException(ID + ": label column '" + label + "' has " + positives
                    + " rows with the positive label '" + positive + "' and " + negatives
                    + " other rows among the scored rows; both classes are needed");
        }

        RDD<Tuple2<Object, Object>> scoreAndLabel = pairs.javaRDD()
                .map(r -> new Tuple2<Object, Object>(r.getDouble(0), r.getDouble(1))).rdd();
        BinaryClassificationMetrics exact = new BinaryClassificationMetrics(scoreAndLabel, 0);
        BinaryClassificationMetrics binned = new BinaryClassificationMetrics(scoreAndLabel,
                BinaryCurves.MAX_POINTS - 1);
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> charts = new LinkedHashMap<>();
        try {
            metrics.put("auc", exact.areaUnderROC());
            metrics.put("prAuc", exact.areaUnderPR());
            BinaryCurves.Ks ks = BinaryCurves.ks(exact);
            metrics.put("ks", ks.statistic());
            metrics.put("ksThreshold", ks.threshold());
            charts.putAll(BinaryCurves.of(binned, positives, negatives));
        } finally {
            exact.unpersist();
            binned.unpersist();
        }
        charts.put("thresholds", table.chart());
        if (probabilities) {
            metrics.put("logLoss", totals.getDouble(2));
        }
        ThresholdTable.Cut chosen = table.at(threshold);
        metrics.put("accuracy", chosen.confusion().accuracy());
        metrics.put("precision", chosen.precision());
        metrics.put("recall", chosen.recall());
        metrics.put("f1", chosen.f1());
        metrics.put("positives", positives);
        metrics.put("negatives", negatives);
        metrics.put("rows", positives + negatives);
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
}
