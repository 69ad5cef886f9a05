package io.easel.components.builtin.statistics;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.mllib.linalg.Matrices;
import org.apache.spark.mllib.stat.Statistics;
import org.apache.spark.mllib.stat.test.ChiSqTestResult;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A contingency table of two columns by Spark's {@code stat.crosstab}: one row per value of the first, one column per
 * value of the second (so the output's columns are known only after the run), and the counts of the rows having
 * both. Spark caps it at 10,000 values per column. The report adds Pearson's chi-square test of independence and
 * Cramér's V, computed by Spark on the table once it is small.
 */
public final class Crosstab implements SparkComponent {

    static final String ID = "crosstab";

    public static final ReportSpec SPEC = ReportSpec.builder(ID)
            .headline("chiSquare", "Chi-square statistic", "卡方统计量")
            .headline("pValue", "p-value", "p 值")
            .headline("cramersV", "Cramér's V", "克莱姆 V 系数")
            .metric("degreesOfFreedom", "Degrees of freedom", "自由度")
            .metric("rows", "Rows", "行数")
            .metric("rowValues", "Values of the first column", "第一列的取值数")
            .metric("columnValues", "Values of the second column", "第二列的取值数")
            .chart("counts", ReportSpec.ChartKind.TABLE, Text.of("Contingency table", "列联表"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<String> ROWS = Param.column("rowColumn", Text.of("Rows from", "行变量"), IN,
                    Columns.VALUES)
            .description(Text.of("Each value of this column is a row.", "该列的每个取值为一行。"))
            .required();

    public static final Param<String> COLUMNS = Param.column("columnColumn", Text.of("Columns from", "列变量"), IN,
                    Columns.VALUES)
            .description(Text.of("Each value of this column is a column.", "该列的每个取值为一列。"))
            .excluding(ROWS)
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Contingency table", "列联表"),
            SchemaRule.unknownTable());

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("Crosstab", "交叉表")
            .description("Counts the rows for each pair of values of two columns: one row per value of the first, "
                            + "one column per value of the second (missing values appear as 'null'). The report "
                            + "tests whether the two are independent (Pearson's chi-square) and gives Cramér's V, "
                            + "from 0 (independent) to 1.",
                    "统计两列各取值组合的行数：第一列的每个取值为一行，第二列的每个取值为一列（缺失值显示为 null）。报告"
                            + "检验两列是否独立（皮尔逊卡方检验），并给出克莱姆 V 系数，取值从 0（独立）到 1。")
            .keywords("crosstab", "contingency table", "cross tabulation", "frequency", "chi-square",
                    "cramer's v", "交叉表", "列联表", "频数", "卡方")
            .inputs(IN)
            .outputs(OUT, REPORT)
            .params(ROWS, COLUMNS)
            .examples(Example.of("Housing against credit risk in credit_g", "credit_g 中住房情况与信用风险的交叉表",
                            Map.of("rowColumn", "housing", "columnColumn", "class"))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String rowColumn = ctx.param(ROWS);
        String columnColumn = ctx.param(COLUMNS);
        // crosstab reads names as plain column names, not expressions: alias them to be safe with any characters
        Dataset<Row> crosstab = in.rows().select(Columns.named(rowColumn).as("r"), Columns.named(columnColumn)
                        .as("c")).stat().crosstab("r", "c");
        String first = rowColumn + "_" + columnColumn;
        crosstab = crosstab.withColumnRenamed("r_c", first);
        TableData table = Derived.table(this, ctx, crosstab, in).inOrder(Columns.named(first).asc());
        List<Row> cells = table.rows().collectAsList();
        List<String> header = List.of(crosstab.columns());
        ctx.output(OUT, table);
        ctx.output(REPORT, report(header, cells));
    }

    private static ReportData report(List<String> header, List<Row> cells) {
        int rows = cells.size();
        int columns = header.size() - 1;
        double[] counts = new double[rows * columns];
        long total = 0;
        List<List<Object>> shown = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            shown.add(Charts.cells(cells.get(r)));
            for (int c = 0; c < columns; c++) {
                long n = ((Number) cells.get(r).get(c + 1)).longValue();
                counts[c * rows + r] = n;
                total += n;
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rows", total);
        metrics.put("rowValues", rows);
        metrics.put("columnValues", columns);
        if (rows > 1 && columns > 1) {
            ChiSqTestResult test = Statistics.chiSqTest(Matrices.dense(rows, columns, counts));
            metrics.put("chiSquare", test.statistic());
            metrics.put("pValue", test.pValue());
            metrics.put("degreesOfFreedom", test.degreesOfFreedom());
            metrics.put("cramersV", Math.sqrt(test.statistic() / (total * (Math.min(rows, columns) - 1.0))));
        }
        return new ReportData(ID, metrics, Map.of("counts", Charts.table(header, shown)));
    }
}
