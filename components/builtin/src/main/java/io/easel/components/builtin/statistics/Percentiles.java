package io.easel.components.builtin.statistics;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The values below which given shares of each numeric column's present values lie, from one pass building a t-digest
 * of each column (see {@link Quantiles}). The table is long (one row per column and probability) so that it can be filtered and
 * joined; the report shows it wide, one row per probability.
 */
public final class Percentiles implements SparkComponent {

    static final String ID = "percentiles";

    static final TableSpec TABLE = TableSpec.of(ColumnSpec.of("column", DataType.STRING),
            ColumnSpec.of("probability", DataType.DOUBLE), ColumnSpec.of("value", DataType.DOUBLE));

    public static final ReportSpec SPEC = ReportSpec.builder(ID)
            .headline("columns", "Columns", "列数")
            .metric("relativeError", "Relative error", "相对误差")
            .chart("percentiles", ReportSpec.ChartKind.TABLE, Text.of("Percentiles", "百分位数"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<List<String>> COLUMNS = Columns.numbers(
            "The numeric columns to take percentiles of; empty: every numeric column.",
            "要计算百分位数的数值列；留空则计算所有数值列。");

    public static final Param<String> PROBABILITIES = Param.string("probabilities",
                    Text.of("Probabilities", "概率"))
            .description(Text.of("The shares of values to find the percentile of, between 0 and 1, separated by "
                            + "commas (0.5 is the median).",
                    "要计算的百分位对应的比例，取值在 0 到 1 之间，用逗号分隔（0.5 即中位数）。"))
            .defaultValue("0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99")
            .required();

    public static final Param<Double> RELATIVE_ERROR = Quantiles.relativeError();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Percentiles", "百分位数"),
            SchemaRule.fixed(TABLE));

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("Percentiles", "百分位数")
            .description("The percentiles of numeric columns at the probabilities chosen (the median at 0.5), from a "
                            + "t-digest of each column built in one pass over the data, within the relative error set "
                            + "in rank (0: exact, by sorting). Missing values (null or NaN) are left out.",
                    "计算数值列在所选概率处的百分位数（0.5 处为中位数），由扫描数据一遍为每列构建的 t-digest 得出，"
                            + "其排名误差在设定的相对误差以内（0 表示通过排序精确计算）。缺失值（null 或 NaN）不参与计算。")
            .keywords("percentile", "quantile", "median", "distribution", "approxQuantile", "百分位数", "分位数",
                    "中位数", "分布")
            .inputs(IN)
            .outputs(OUT, REPORT)
            .params(COLUMNS, PROBABILITIES, RELATIVE_ERROR)
            .examples(Example.of("Deciles of diabetes's BMI and disease progression",
                            "糖尿病数据 BMI 与病情进展的十分位数",
                            Map.of("columns", List.of("bmi", "progression"),
                                    "probabilities", "0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9"))
                    .input(IN, ExampleData.dataset("diabetes")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        List<ColumnSpec> columns = ctx.columns(COLUMNS);
        double[] probabilities = probabilities(ctx.param(PROBABILITIES));
        double relativeError = ctx.param(RELATIVE_ERROR);
        double[][] quantiles = Quantiles.of(Quantiles.numbers(in.rows(), columns), probabilities, relativeError);
        List<Row> table = new ArrayList<>();
        List<List<Object>> wide = new ArrayList<>();
        for (int p = 0; p < probabilities.length; p++) {
            List<Object> cells = new ArrayList<>(List.of(probabilities[p]));
            for (int c = 0; c < columns.size(); c++) {
                Double value = Quantiles.orNull(quantiles[c], probabilities.length)[p];
                table.add(RowFactory.create(columns.get(c).name(), probabilities[p], value));
                cells.add(value);
            }
            wide.add(cells);
        }
        List<String> header = new ArrayList<>(List.of("probability"));
        columns.forEach(c -> header.add(c.name()));
        ctx.output(OUT, Derived.table(this, ctx, ctx.spark().createDataFrame(table, SparkTypes.toSchema(TABLE)), in));
        ctx.output(REPORT, new ReportData(ID, Map.of("columns", columns.size(), "relativeError", relativeError),
                Map.of("percentiles", Charts.table(header, wide))));
    }

    /** Parses the probabilities param, in the order written; each must be a number from 0 to 1. */
    static double[] probabilities(String text) {
        List<Double> values = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            double p;
            try {
                p = Double.parseDouble(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Param 'probabilities': '" + part.strip()
                        + "' is not a number; write numbers from 0 to 1 separated by commas, e.g. 0.25, 0.5, 0.75");
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("Param 'probabilities': " + part.strip()
                        + " is not between 0 and 1; a percentile of 95% is written 0.95");
            }
            values.add(p);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Param 'probabilities': write at least one number from 0 to 1");
        }
        return values.stream().distinct().mapToDouble(Double::doubleValue).toArray();
    }
}
