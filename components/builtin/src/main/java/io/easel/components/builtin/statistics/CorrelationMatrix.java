package io.easel.components.builtin.statistics;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.ReportSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.stat.Correlation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pearson or Spearman correlations between numeric columns, over the rows that have a value in every chosen column.
 * Pearson's come from the covariances of one aggregation ({@link PairMoments}); Spearman's from Spark's
 * {@link Correlation}, which ranks each column first.
 */
public final class CorrelationMatrix implements SparkComponent {

    static final String ID = "correlation-matrix";
    static final String MEASURE = "correlation";

    public static final ReportSpec SPEC = ReportSpec.builder(MEASURE)
            .headline("strongestPair", "Most correlated pair", "相关性最强的一对列")
            .headline("strongest", "Their correlation", "其相关系数")
            .headline("rows", "Rows used (no missing value)", "参与计算的行数（无缺失值）")
            .metric("columns", "Columns", "列数")
            .metric("method", "Method", "方法")
            .chart("matrix", ReportSpec.ChartKind.MATRIX, Text.of("Correlation matrix", "相关系数矩阵"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<List<String>> COLUMNS = Columns.numbers(
            "The numeric columns to correlate; empty: every numeric column.", "要计算相关性的数值列；留空则为所有数值列。");

    public static final Param<String> METHOD = Param.choice("method", Text.of("Method", "方法"),
                    Param.option("pearson", Text.of("Pearson (linear)", "皮尔逊（线性相关）")),
                    Param.option("spearman", Text.of("Spearman (rank, any monotonic relation)",
                            "斯皮尔曼（秩相关，任意单调关系）")))
            .defaultValue("pearson");

    public static final Port OUT = PairMatrix.out(MEASURE, Text.of("Correlations", "相关系数"));

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("Correlation matrix", "相关系数矩阵")
            .description("Pearson (linear) or Spearman (rank) correlations between numeric columns, as a heat map and "
                            + "as a table with one row per pair of columns. Rows missing a value in any chosen column "
                            + "are left out; a constant column has no correlation (empty).",
                    "计算数值列之间的皮尔逊（线性）或斯皮尔曼（秩）相关系数，以热力图和每对列一行的表格给出。任一所选列有"
                            + "缺失值的行不参与计算；常数列没有相关系数（为空）。")
            .keywords("correlation", "pearson", "spearman", "heat map", "matrix", "相关系数", "相关性", "皮尔逊",
                    "斯皮尔曼", "热力图")
            .inputs(IN)
            .outputs(OUT, REPORT)
            .params(COLUMNS, METHOD)
            .examples(
                    Example.of("Iris measurements (Pearson)", "鸢尾花各测量值的皮尔逊相关系数", Map.of())
                            .input(IN, ExampleData.dataset("iris")),
                    Example.of("Diabetes measurements by rank (Spearman)", "糖尿病数据各测量值的斯皮尔曼相关系数",
                                    Map.of("method", "spearman"))
                            .input(IN, ExampleData.dataset("diabetes")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        var columns = ctx.columns(COLUMNS);
        List<String> names = PairMatrix.names(ID, columns);
        String method = ctx.param(METHOD);
        PairMatrix matrix = method.equals("pearson") ? pearson(names, in, columns) : byRank(names, in, columns);
        ctx.output(OUT, matrix.table(this, ctx, MEASURE, in));
        ctx.output(REPORT, new ReportData(SPEC.kind(), metrics(matrix, method), Map.of("matrix", matrix.chart())));
    }

    private static PairMatrix pearson(List<String> names, TableData in, List<ColumnSpec> columns) {
        PairMoments moments = PairMoments.of(in.rows(), columns);
        PairMatrix.requireRows(ID, moments.rows());
        return new PairMatrix(names, moments.correlations(), moments.rows());
    }

    /** Spearman's: Pearson's of the ranks, which Spark computes by sorting each column. */
    private static PairMatrix byRank(List<String> names, TableData in, List<ColumnSpec> columns) {
        Dataset<Row> vectors = PairMatrix.vectors(in.rows(), columns);
        long rows = vectors.count();
        PairMatrix.requireRows(ID, rows);
        Matrix correlations = Correlation.corr(vectors, PairMatrix.VECTOR, "spearman").first().getAs(0);
        return new PairMatrix(names, PairMatrix.values(correlations), rows);
    }

    /** The pair of distinct columns whose correlation is largest in size, and the counts. */
    private static Map<String, Object> metrics(PairMatrix matrix, String method) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        int bestI = -1;
        int bestJ = -1;
        for (int i = 0; i < matrix.names().size(); i++) {
            for (int j = i + 1; j < matrix.names().size(); j++) {
                double r = matrix.values()[i][j];
                if (Double.isFinite(r) && (bestI < 0 || Math.abs(r) > Math.abs(matrix.values()[bestI][bestJ]))) {
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        if (bestI >= 0) {
            metrics.put("strongestPair", matrix.names().get(bestI) + " ~ " + matrix.names().get(bestJ));
            metrics.put("strongest", matrix.values()[bestI][bestJ]);
        }
        metrics.put("rows", matrix.rows());
        metrics.put("columns", matrix.names().size());
        metrics.put("method", method);
        return metrics;
    }
}
