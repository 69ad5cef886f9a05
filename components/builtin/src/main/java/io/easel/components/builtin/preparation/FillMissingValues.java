package io.easel.components.builtin.preparation;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.components.transform.ColumnTypeCast;
import io.easel.components.transform.FillMissing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Replaces missing values in place by each column's mean, median, most frequent value or a constant, computed on this
 * table. The fill is recorded in the lineage as {@link FillMissing} (whole-number columns cast back by
 * {@link ColumnTypeCast}, so every column keeps its type), which a model trained downstream repeats in PMML.
 */
public final class FillMissingValues implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE, DataType.STRING)
            .description(Text.of("The number and text columns to fill; empty: all of them.",
                    "要填充的数值列和文本列；留空表示全部。"))
            .allWhenEmpty();

    public static final Param<String> STRATEGY = Param.choice("strategy", Text.of("Fill with", "填充方式"),
                    Param.option("mean", Text.of("Mean", "平均值")),
                    Param.option("median", Text.of("Median", "中位数")),
                    Param.option("mode", Text.of("Most frequent value", "众数")),
                    Param.option("constant", Text.of("A constant", "常数")))
            .description(Text.of("Mean and median apply to numbers; text columns then get their most frequent value. "
                            + "Whole-number columns get the mean or median rounded.",
                    "平均值与中位数用于数值列，此时文本列用其众数填充。整数列的平均值或中位数四舍五入。"))
            .defaultValue("mean")
            .required();

    public static final Param<String> CONSTANT = Param.string("constant", Text.of("Constant", "常数"))
            .description(Text.of("The value that replaces a missing one (a number for number columns).",
                    "替换缺失值的值（数值列须为数字）。"))
            .visibleWhen(STRATEGY, "constant");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Filled data", "填充后的数据"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("fill-missing")
            .category(Category.PREPROCESSING)
            .title("Fill missing values", "缺失值填充")
            .description("Replaces missing values by the column's mean, median, most frequent value or a constant. "
                            + "Exported models fill raw records the same way.",
                    "用列的平均值、中位数、众数或常数替换缺失值。导出的模型对原始记录执行同样的填充。")
            .keywords("impute", "missing", "null", "fill", "na", "mean", "median", "mode", "缺失值", "填充", "插补")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, STRATEGY, CONSTANT)
            .examples(Example.of("Vote: unknown votes as the most frequent vote", "投票数据：缺失的投票以众数填充",
                            Map.of("strategy", "mode"))
                    .input(IN, ExampleData.dataset("vote")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        List<ColumnSpec> columns = ctx.columns(COLUMNS);
        String strategy = ctx.param(STRATEGY);
        List<Object> values = "constant".equals(strategy) ? constants(columns, ctx.param(CONSTANT))
                : computed(in, columns, strategy);
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        TableData filled = in.transform(new FillMissing().setInputCols(names).setOutputCols(names).setValues(values));
        for (DataType whole : List.of(DataType.INTEGER, DataType.LONG)) {
            List<String> back = columns.stream().filter(c -> c.type() == whole).map(ColumnSpec::name).toList();
            if (!back.isEmpty()) {
                filled = filled.transform(new ColumnTypeCast().setInputCols(back).setOutputCols(back)
                        .setTargetType(whole));
            }
        }
        ctx.output(OUT, filled);
    }

    /** Each column's fill value, in one pass over the table. */
    private static List<Object> computed(TableData in, List<ColumnSpec> columns, String strategy) {
        List<Column> aggregates = new ArrayList<>();
        for (ColumnSpec column : columns) {
            Column value = functions.col(SelectColumns.quoted(column.name()));
            if (column.type() == DataType.DOUBLE) {
                // NaN counts as missing, as FillMissing fills it: it must not turn the mean into NaN.
                value = functions.when(functions.isnan(value), functions.lit(null)).otherwise(value);
            }
            Column aggregate;
            if (column.type() == DataType.STRING || "mode".equals(strategy)) {
                aggregate = functions.mode(value);
            } else if ("median".equals(strategy)) {
                aggregate = functions.percentile_approx(value.cast("double"), functions.lit(0.5),
                        functions.lit(10_000));
            } else {
                aggregate = functions.avg(value);
            }
            aggregates.add(aggregate);
        }
        Row row = in.rows().agg(aggregates.getFirst(), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .first();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            Object value = row.get(i);
            if (value == null) {
                throw new IllegalArgumentException("Column '" + column.name() + "' has no values to compute a "
                        + strategy + " from; fill it with a constant or leave it out");
            }
            values.add(column.type() == DataType.STRING ? value.toString() : rounded(column, (Number) value));
        }
        return values;
    }

    private static Double rounded(ColumnSpec column, Number value) {
        boolean whole = column.type() == DataType.INTEGER || column.type() == DataType.LONG;
        return whole ? (double) Math.round(value.doubleValue()) : value.doubleValue();
    }

    private static List<Object> constants(List<ColumnSpec> columns, String constant) {
        if (constant == null || constant.isEmpty()) {
            throw new IllegalArgumentException("Param 'constant': give the value that replaces missing ones");
        }
        List<Object> values = new ArrayList<>();
        for (ColumnSpec column : columns) {
            if (column.type() == DataType.STRING) {
                values.add(constant);
                continue;
            }
            try {
                values.add(rounded(column, Double.parseDouble(constant.strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Param 'constant': '" + constant + "' is not a number, but column '"
                        + column.name() + "' is numeric; give a number or choose only text columns");
            }
        }
        return values;
    }
}
