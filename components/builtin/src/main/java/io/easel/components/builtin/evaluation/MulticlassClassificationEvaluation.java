package io.easel.components.builtin.evaluation;

import static io.easel.components.builtin.evaluation.ScoredTable.column;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/**
 * Scores a classifier's predicted labels against the true ones, for any number of classes (two included): accuracy,
 * precision, recall and F1 per class and averaged ({@link Confusion}), log loss when the table has the model's class
 * probabilities, a per-class table and the confusion matrix. Spark counts the (actual, predicted) pairs, with the log
 * loss summed alongside in the same pass; only the k × k counts come back to the driver.
 */
public final class MulticlassClassificationEvaluation implements SparkComponent {

    static final String ID = "multiclass-classification-evaluation";
    static final String KIND = "multiclass-classification";
    /** More classes than this is not a classification (nor a matrix anyone can read). */
    static final int MAX_CLASSES = 200;
    private static final double LOG_LOSS_EPSILON = 1e-15;

    /** What the report holds, in the order it shows it. */
    public static final ReportSpec SPEC = ReportSpec.builder(KIND)
            .headline("accuracy", "Accuracy", "准确率")
            .headline("macroF1", "Macro F1", "宏平均 F1")
            .headline("weightedF1", "Weighted F1", "加权平均 F1")
            .headline("logLoss", "Log loss", "对数损失")
            .metric("macroPrecision", "Macro precision", "宏平均精确率")
            .metric("macroRecall", "Macro recall", "宏平均召回率")
            .metric("weightedPrecision", "Weighted precision", "加权平均精确率")
            .metric("weightedRecall", "Weighted recall", "加权平均召回率")
            .metric("classes", "Classes", "类别数")
            .metric("rows", "Rows", "行数")
            .chart("perClass", ReportSpec.ChartKind.TABLE, Text.of("Precision, recall and F1 by class",
                    "各类别的精确率、召回率和 F1"))
            .chart("confusion", ReportSpec.ChartKind.MATRIX, Text.of("Confusion matrix", "混淆矩阵"),
                    Text.of("Predicted class", "预测类别"), Text.of("Actual class", "实际类别"))
            .build();

    public static final Port IN = ScoredTable.IN;

    public static final Param<String> LABEL_COLUMN = ScoredTable.CLASS_LABEL;

    public static final Param<String> PREDICTION_COLUMN = ScoredTable.predictionColumn(LABEL_COLUMN,
            Text.of("The column with the predicted classes.", "包含预测类别的列。"), ScoredTable.CLASS_TYPES);

    public static final Param<String> PROBABILITY_COLUMN = Param.column("probabilityColumn",
                    Text.of("Probability column", "概率列"), IN, DataType.VECTOR)
            .description(Text.of("The class probabilities a predict node added, for the log loss; leave blank to "
                            + "use the 'probability' column when there is one.",
                    "预测节点追加的各类别概率，用于计算对数损失；留空则在存在 probability 列时使用该列。"))
            .advanced();

    public static final Port REPORT = ScoredTable.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.EVALUATION)
            .title("Multiclass classification evaluation", "多分类评估")
            .description("Evaluates predicted classes against true ones, for two classes or more: accuracy, "
                            + "precision, recall and F1 (macro and weighted averages, and per class), log loss when "
                            + "the class probabilities are there, and the confusion matrix.",
                    "根据真实类别评估预测类别（两个或更多类别）：准确率、精确率、召回率和 F1（宏平均、加权平均及各类别），"
                            + "有类别概率时给出对数损失，并给出混淆矩阵。")
            .keywords("evaluate", "multiclass", "accuracy", "confusion matrix", "precision", "recall", "f1",
                    "log loss", "metrics", "评估", "多分类", "准确率", "混淆矩阵", "指标")
            .inputs(IN)
            .outputs(REPORT)
            .params(LABEL_COLUMN, PREDICTION_COLUMN, PROBABILITY_COLUMN)
            .examples(
                    ScoredTable.example("Logistic regression on iris's test part", "逻辑回归在鸢尾花测试集上的表现",
                            "logistic-regression", "species", "iris"),
                    ScoredTable.example("Two classes: a GBDT on credit_g's test part",
                            "两个类别：GBDT 在 credit_g 测试集上的表现", "gbdt-classifier", "class", "credit_g"))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        Dataset<Row> rows = ctx.table(IN).rows();
        ColumnSpec label = ctx.column(LABEL_COLUMN);
        ColumnSpec prediction = ctx.column(PREDICTION_COLUMN);
        ProbabilityOfTruth probability = ProbabilityOfTruth.of(rows, ctx.column(PROBABILITY_COLUMN), label);

        Column actual = asClass(label, prediction);
        Column predicted = asClass(prediction, label);
        List<Column> cellSums = new ArrayList<>(List.of(count(lit(1)).as("n")));
        if (probability != null) {
            cellSums.add(sum(log(greatest(probability.value(), lit(LOG_LOSS_EPSILON))).unary_$minus()).as("loss"));
            cellSums.add(count(probability.value()).as("withProbability"));
        }
        List<Row> cells = present(present(rows, label), prediction)
                .groupBy(actual.as("actual"), predicted.as("predicted"))
                .agg(cellSums.getFirst(), cellSums.subList(1, cellSums.size()).toArray(Column[]::new))
                .limit(MAX_CLASSES * MAX_CLASSES + 1)
                .collectAsList();
        Confusion confusion = confusion(cells, label, prediction);

        Map<String, Object> metrics = new LinkedHashMap<>(confusion.metrics());
        if (probability != null) {
            long withProbability = cells.stream().mapToLong(r -> r.getLong(4)).sum();
            if (withProbability > 0) {
                metrics.put("logLoss", cells.stream().filter(r -> !r.isNullAt(3)).mapToDouble(r -> r.getDouble(3))
                        .sum() / withProbability);
            }
        }
        metrics.put("classes", confusion.classes().size());
        metrics.put("rows", confusion.rows());
        ctx.output(REPORT, new ReportData(KIND, metrics, Map.of("perClass", confusion.perClassTable(),
                "confusion", confusion.matrix())));
    }

    private static Confusion confusion(List<Row> cells, ColumnSpec label, ColumnSpec prediction) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException(ID + ": no row has both a label in '" + label.name()
                    + "' and a prediction in '" + prediction.name() + "'");
        }
        boolean numeric = label.type().isNumeric() && prediction.type().isNumeric();
        TreeSet<String> classes = new TreeSet<>(numeric ? Comparator.comparing(BigDecimal::new)
                : Comparator.<String>naturalOrder());
        cells.forEach(cell -> {
            classes.add(cell.getString(0));
            classes.add(cell.getString(1));
        });
        if (classes.size() > MAX_CLASSES) {
            throw new IllegalArgumentException(ID + ": label column '" + label.name() + "' and prediction column '"
                    + prediction.name() + "' hold more than " + MAX_CLASSES + " distinct values; this looks like "
                    + "regression: use regression-evaluation");
        }
        List<String> ordered = List.copyOf(classes);
        long[][] counts = new long[ordered.size()][ordered.size()];
        for (Row cell : cells) {
            counts[ordered.indexOf(cell.getString(0))][ordered.indexOf(cell.getString(1))] += cell.getLong(2);
        }
        return new Confusion(ordered, counts);
    }

    /**
     * A class as text, the way the classifiers see labels; an integer label compared with a double prediction (or
     * the reverse) is read as a double on both sides, so that 1 and 1.0 are one class.
     */
    private static Column asClass(ColumnSpec column, ColumnSpec other) {
        boolean asDouble = column.type().isNumeric() && other.type().isNumeric()
                && (column.type() == DataType.DOUBLE || other.type() == DataType.DOUBLE);
        return column(column.name()).cast(asDouble ? "double" : "string").cast("string");
    }

    private static Dataset<Row> present(Dataset<Row> rows, ColumnSpec column) {
        Column value = column(column.name());
        return rows.filter(column.type() == DataType.DOUBLE ? value.isNotNull().and(isnan(value).unary_$bang())
                : value.isNotNull());
    }

    /**
     * The probability a row's model gave its true class: the slot of the probability vector that the column's
     * metadata names for the true label, 0 for a label the model never saw (its log loss is then as large as it gets).
     */
    private record ProbabilityOfTruth(Column value) {

        /** @param requested the probability column the user named, or null to look for the usual one */
        static ProbabilityOfTruth of(Dataset<Row> rows, ColumnSpec requested, ColumnSpec label) {
            List<String> names = List.of(rows.columns());
            if (requested == null && !names.contains(ModelData.PROBABILITY)) {
                return null;
            }
            StructField field = rows.schema().apply(requested == null ? ModelData.PROBABILITY : requested.name());
            Metadata metadata = field.metadata();
            if (!metadata.contains(ModelData.CLASS_LABELS_METADATA)) {
                if (requested == null) {
                    return null;
                }
                throw new IllegalArgumentException(ID + ": probability column '" + field.name() + "' does not say "
                        + "which class each of its values is for (it did not come from a predict node); leave "
                        + "'probabilityColumn' blank to evaluate without log loss");
            }
            String[] classes = metadata.getStringArray(ModelData.CLASS_LABELS_METADATA);
            Column slot = array_position(lit(classes), column(label.name()).cast("string"));
            Column vector = functions.vector_to_array(column(field.name()), "float64");
            // a missing vector stays missing (no log loss for that row); element_at refuses slot 0 (not found)
            return new ProbabilityOfTruth(when(slot.gt(0), element_at(vector, slot.cast("int"))).otherwise(
                    when(vector.isNotNull(), lit(0.0))));
        }
    }
}
