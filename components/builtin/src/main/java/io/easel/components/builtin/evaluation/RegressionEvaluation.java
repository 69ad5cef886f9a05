package io.easel.components.builtin.evaluation;

import static io.easel.components.builtin.evaluation.ScoredTable.column;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.var_pop;
import static org.apache.spark.sql.functions.when;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.ReportSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores a regressor's predictions against the actual values: error sizes (RMSE, MAE, MAPE), how much of the
 * variation the model explains (R², explained variance) and its bias (mean residual), with a histogram of the
 * residuals and a scatter of predicted against actual values. One Spark aggregation gives the metrics, a second the
 * histogram's counts; the scatter is a sample of at most {@value #MAX_SCATTER_POINTS} points.
 */
public final class RegressionEvaluation implements SparkComponent {

    static final String ID = "regression-evaluation";
    static final String KIND = "regression";
    static final int HISTOGRAM_BINS = 20;
    static final int MAX_SCATTER_POINTS = 1000;
    private static final long SAMPLE_SEED = 7;
    private static final DataType[] NUMBER_TYPES = {DataType.INTEGER, DataType.LONG, DataType.DOUBLE};

    /** What the report holds, in the order it shows it. */
    public static final ReportSpec SPEC = ReportSpec.builder(KIND)
            .headline("rmse", "RMSE (root mean squared error)", "RMSE（均方根误差）")
            .headline("mae", "MAE (mean absolute error)", "MAE（平均绝对误差）")
            .headline("r2", "R²", "R²（决定系数）")
            .metric("explainedVariance", "Explained variance", "可解释方差")
            .metric("mape", "MAPE (mean absolute percentage error, %)", "MAPE（平均绝对百分比误差，%）")
            .metric("mapeUndefined", "MAPE not defined", "MAPE 无定义")
            .metric("meanResidual", "Mean residual (actual − predicted)", "平均残差（实际值 − 预测值）")
            .metric("rows", "Rows", "行数")
            .chart("residuals", ReportSpec.ChartKind.HISTOGRAM, Text.of("Residuals", "残差分布"),
                    Text.of("Residual (actual − predicted)", "残差（实际值 − 预测值）"), Text.of("Rows", "行数"))
            .chart("predictedVsActual", ReportSpec.ChartKind.SCATTER_WITH_DIAGONAL, Text.of("Predicted vs actual",
                    "预测值与实际值"), Text.of("Actual", "实际值"), Text.of("Predicted", "预测值"))
            .build();

    public static final Port IN = ScoredTable.IN;

    public static final Param<String> LABEL_COLUMN = Param.column("labelColumn", Text.of("Label column", "标签列"),
                    IN, NUMBER_TYPES)
            .description(Text.of("The column with the actual values.", "包含实际值的列。"))
            .required();

    public static final Param<String> PREDICTION_COLUMN = ScoredTable.predictionColumn(LABEL_COLUMN,
            Text.of("The column with the predicted values.", "包含预测值的列。"), NUMBER_TYPES);

    public static final Port REPORT = ScoredTable.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.EVALUATION)
            .title("Regression evaluation", "回归评估")
            .description("Evaluates predicted values against actual ones: RMSE, MAE, R², explained variance, MAPE "
                            + "(when no actual value is 0) and the mean residual, with a histogram of the residuals "
                            + "and a scatter of predicted against actual values.",
                    "根据实际值评估预测值：RMSE、MAE、R²、可解释方差、MAPE（实际值均不为 0 时）和平均残差，并给出残差直方图"
                            + "以及预测值与实际值的散点图。")
            .keywords("evaluate", "regression", "rmse", "mae", "r2", "r squared", "mape", "residuals", "metrics",
                    "评估", "回归", "均方根误差", "残差", "指标")
            .inputs(IN)
            .outputs(REPORT)
            .params(LABEL_COLUMN, PREDICTION_COLUMN)
            .examples(ScoredTable.example("Linear regression on diabetes's test part", "线性回归在糖尿病数据测试集上的表现",
                    "linear-regression", "progression", "diabetes"))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String label = ctx.param(LABEL_COLUMN);
        String prediction = ctx.param(PREDICTION_COLUMN);
        Column actual = column(label).cast("double");
        Column predicted = column(prediction).cast("double");
        Dataset<Row> pairs = ctx.table(IN).rows()
                .filter(actual.isNotNull().and(predicted.isNotNull()).and(isnan(actual).unary_$bang())
                        .and(isnan(predicted).unary_$bang()))
                .select(actual.as("y"), predicted.as("p"), actual.minus(predicted).as("e"))
                .persist();
        try {
            ctx.output(REPORT, report(pairs, label, prediction));
        } finally {
            pairs.unpersist();
        }
    }

    private static ReportData report(Dataset<Row> pairs, String label, String prediction) {
        Column y = col("y");
        Column e = col("e");
        Row totals = pairs.agg(count(lit(1)), sqrt(avg(e.multiply(e))), avg(abs(e)), avg(e), var_pop(y), var_pop(e),
                avg(when(y.notEqual(0.0), abs(e.divide(y)))), count(when(y.equalTo(0.0), 1)), min(e), max(e))
                .first();
        long rows = totals.getLong(0);
        if (rows == 0) {
            throw new IllegalArgumentException(ID + ": no row has both an actual value in '" + label
                    + "' and a prediction in '" + prediction + "'");
        }
        double meanSquaredError = totals.getDouble(1) * totals.getDouble(1);
        double labelVariance = totals.getDouble(4);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rmse", totals.getDouble(1));
        metrics.put("mae", totals.getDouble(2));
        if (labelVariance > 0) {
            metrics.put("r2", 1 - meanSquaredError / labelVariance);
            // the share of the actual values' variance left out of the residuals (scikit-learn's score; equal to R²
            // for unbiased predictions), not Spark's "var", which is the predictions' variance in squared units
            metrics.put("explainedVariance", 1 - totals.getDouble(5) / labelVariance);
        }
        long zeros = totals.getLong(7);
        if (zeros == 0) {
            metrics.put("mape", 100 * totals.getDouble(6));
        } else {
            metrics.put("mapeUndefined", zeros + " of the " + rows + " rows have an actual value of 0, which no "
                    + "percentage error can be taken of");
        }
        metrics.put("meanResidual", totals.getDouble(3));
        metrics.put("rows", rows);
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("residuals", histogram(pairs, totals.getDouble(8), totals.getDouble(9), rows));
        charts.put("predictedVsActual", scatter(pairs, rows));
        return new ReportData(KIND, metrics, charts);
    }

    /** Residuals counted in {@value #HISTOGRAM_BINS} equal bins from the lowest to the highest (one if all equal). */
    private static Map<String, Object> histogram(Dataset<Row> pairs, double lowest, double highest, long rows) {
        int bins = highest > lowest ? HISTOGRAM_BINS : 1;
        double width = (highest - lowest) / bins;
        List<Double> edges = new ArrayList<>();
        for (int i = 0; i <= bins; i++) {
            edges.add(i == bins ? highest : lowest + i * width);
        }
        long[] counts = new long[bins];
        if (bins == 1) {
            counts[0] = rows;
        } else {
            Column bin = least(floor(col("e").minus(lowest).divide(width)).cast("int"), lit(bins - 1));
            pairs.groupBy(bin.as("bin")).count().collectAsList()
                    .forEach(r -> counts[r.getInt(0)] = r.getLong(1));
        }
        return Map.of("edges", edges, "counts", Arrays.stream(counts).boxed().toList());
    }

    /** At most {@value #MAX_SCATTER_POINTS} of the (actual, predicted) points, drawn at random but repeatably. */
    private static List<List<Double>> scatter(Dataset<Row> pairs, long rows) {
        Dataset<Row> points = rows <= MAX_SCATTER_POINTS ? pairs
                : pairs.sample(false, Math.min(1.0, 1.1 * MAX_SCATTER_POINTS / rows), SAMPLE_SEED)
                        .limit(MAX_SCATTER_POINTS);
        return points.select("y", "p").collectAsList().stream()
                .map(r -> List.of(r.getDouble(0), r.getDouble(1))).toList();
    }
}
