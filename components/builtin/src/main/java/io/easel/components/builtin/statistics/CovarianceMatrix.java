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
import java.util.List;
import java.util.Map;

/**
 * Sample covariances (divided by n − 1) between numeric columns, over the rows that have a value in every chosen
 * column, with the row count in the same single pass ({@link PairMoments}).
 */
public final class CovarianceMatrix implements SparkComponent {

    static final String ID = "covariance-matrix";
    static final String MEASURE = "covariance";

    public static final ReportSpec SPEC = ReportSpec.builder(MEASURE)
            .headline("rows", "Rows used (no missing value)", "参与计算的行数（无缺失值）")
            .headline("columns", "Columns", "列数")
            .chart("matrix", ReportSpec.ChartKind.MATRIX, Text.of("Covariance matrix", "协方差矩阵"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<List<String>> COLUMNS = Columns.numbers(
            "The numeric columns to relate; empty: every numeric column.", "要计算协方差的数值列；留空则为所有数值列。");

    public static final Port OUT = PairMatrix.out(MEASURE, Text.of("Covariances", "协方差"));

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("Covariance matrix", "协方差矩阵")
            .description("Sample covariances between numeric columns (the variances on the diagonal), as a heat map "
                            + "and as a table with one row per pair of columns. Rows missing a value in any chosen "
                            + "column are left out.",
                    "计算数值列之间的样本协方差（对角线为方差），以热力图和每对列一行的表格给出。任一所选列有缺失值的行不参与"
                            + "计算。")
            .keywords("covariance", "variance", "matrix", "协方差", "方差", "矩阵")
            .inputs(IN)
            .outputs(OUT, REPORT)
            .params(COLUMNS)
            .examples(Example.of("Iris measurements", "鸢尾花各测量值的协方差", Map.of())
                    .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        List<ColumnSpec> columns = ctx.columns(COLUMNS);
        List<String> names = PairMatrix.names(ID, columns);
        PairMoments moments = PairMoments.of(in.rows(), columns);
        long rows = moments.rows();
        PairMatrix.requireRows(ID, rows);
        double[][] values = moments.covariances();
        PairMatrix matrix = new PairMatrix(names, values, rows);
        ctx.output(OUT, matrix.table(this, ctx, MEASURE, in));
        ctx.output(REPORT, new ReportData(MEASURE, Map.of("rows", rows, "columns", columns.size()),
                Map.of("matrix", matrix.chart())));
    }
}
