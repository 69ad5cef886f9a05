package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.stat.ANOVATest;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One-way analysis of variance: whether a numeric column's mean differs between the groups a categorical column
 * forms. The groups' counts, means and standard deviations come from one Spark aggregation; the F statistic and its
 * p-value from Spark's {@link ANOVATest}, with each group numbered from that small result rather than by another
 * pass of an indexer.
 */
public final class OneWayAnova implements SparkComponent {

    static final String ID = "anova";
    /** More groups than this is not a grouping anyone can read off a report. */
    static final int MAX_GROUPS = 1_000;
    private static final String FEATURES = "__features";
    private static final String GROUP = "__group";
    static final List<String> GROUP_TABLE = List.of("group", "count", "mean", "std");

    public static final ReportSpec SPEC = ReportSpec.builder(ID)
            .headline("f", "F statistic", "F 统计量")
            .headline("pValue", "p-value", "p 值")
            .headline("differ", "Means differ", "均值存在差异")
            .metric("degreesOfFreedomBetween", "Degrees of freedom between groups", "组间自由度")
            .metric("degreesOfFreedomWithin", "Degrees of freedom within groups", "组内自由度")
            .metric("groups", "Groups", "组数")
            .metric("rows", "Rows", "行数")
            .metric("significance", "Significance level", "显著性水平")
            .chart("means", ReportSpec.ChartKind.BARS, Text.of("Mean by group", "各组均值"), Text.of("Mean", "均值"),
                    Text.of("Group", "组"))
            .chart("groupStatistics", ReportSpec.ChartKind.TABLE, Text.of("Groups", "各组统计"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<String> VALUE = Columns.number("valueColumn", Text.of("Value column", "数值列"),
            "The numeric column whose means are compared.", "要比较均值的数值列。");

    public static final Param<String> GROUP_COLUMN = Param.column("groupColumn", Text.of("Group column", "分组列"),
                    IN, Columns.CATEGORIES)
            .description(Text.of("The categorical column whose values form the groups.", "其取值构成各组的类别列。"))
            .excluding(VALUE)
            .required();

    public static final Param<Double> SIGNIFICANCE = ChiSquareIndependence.significance();

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("One-way ANOVA", "单因素方差分析")
            .description("Tests whether the mean of a numeric column differs between the groups of a categorical "
                            + "column: the F statistic, its p-value and degrees of freedom, with each group's count, "
                            + "mean and standard deviation. Rows missing the value or the group are left out.",
                    "检验数值列的均值在类别列的各组之间是否存在差异：给出 F 统计量、p 值和自由度，以及各组的行数、均值和"
                            + "标准差。缺少数值或分组的行不参与计算。")
            .keywords("anova", "analysis of variance", "f test", "hypothesis test", "group means", "p-value",
                    "方差分析", "F 检验", "假设检验", "组均值", "p 值")
            .inputs(IN)
            .outputs(REPORT)
            .params(VALUE, GROUP_COLUMN, SIGNIFICANCE)
            .examples(
                    Example.of("Iris sepal length by species", "不同品种鸢尾花的花萼长度",
                                    Map.of("valueColumn", "sepal_length_cm", "groupColumn", "species"))
                            .input(IN, ExampleData.dataset("iris")),
                    Example.of("Credit amount by credit purpose", "不同贷款用途的贷款金额",
                                    Map.of("valueColumn", "credit_amount", "groupColumn", "purpose"))
                            .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ColumnSpec value = ctx.column(VALUE);
        String group = ctx.param(GROUP_COLUMN);
        Dataset<Row> pairs = ctx.table(IN).rows()
                .select(Columns.named(group).cast("string").as("g"), Columns.number(value).as("v"))
                .where(col("g").isNotNull().and(col("v").isNotNull()));
        List<Column> moments = Moments.aggregates(col("v"));
        List<Row> groups = pairs.groupBy("g").agg(moments.getFirst(), moments.subList(1, moments.size())
                .toArray(Column[]::new)).orderBy("g").limit(MAX_GROUPS + 1).collectAsList();
        if (groups.size() > MAX_GROUPS) {
            throw new IllegalArgumentException("Param 'groupColumn': '" + group + "' has more than " + MAX_GROUPS
                    + " values; group by a column with fewer");
        }
        if (groups.size() < 2) {
            throw new IllegalArgumentException("Param 'groupColumn': '" + group + "' forms " + groups.size()
                    + " group among the rows with a value; ANOVA compares at least two");
        }
        List<Column> numbering = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            numbering.add(lit(groups.get(i).getString(0)));
            numbering.add(lit((double) i));
        }
        Dataset<Row> numbered = new VectorAssembler().setInputCols(new String[] {"v"}).setOutputCol(FEATURES)
                .transform(pairs.withColumn(GROUP, element_at(map(numbering.toArray(Column[]::new)), col("g"))));
        Row test = ANOVATest.test(numbered, FEATURES, GROUP, true).first();
        long rows = groups.stream().mapToLong(g -> g.getLong(1)).sum();
        double pValue = test.getDouble(1);
        double significance = ctx.param(SIGNIFICANCE);
        Map<String, Object> metrics = new LinkedHashMap<>();
        Double f = Columns.finite(test.getDouble(3));
        if (f != null) {
            metrics.put("f", f);
            metrics.put("pValue", pValue);
            metrics.put("differ", pValue < significance);
        }
        metrics.put("degreesOfFreedomBetween", groups.size() - 1);
        metrics.put("degreesOfFreedomWithin", rows - groups.size());
        metrics.put("groups", groups.size());
        metrics.put("rows", rows);
        metrics.put("significance", significance);
        Map<String, Object> means = new LinkedHashMap<>();
        List<List<Object>> table = new ArrayList<>();
        for (Row g : groups) {
            Moments m = Moments.read(g, 1);
            means.put(g.getString(0), m.mean());
            table.add(new ArrayList<>(java.util.Arrays.asList(g.getString(0), m.count(), m.mean(), m.std())));
        }
        ctx.output(REPORT, new ReportData(ID, metrics, Map.of("means", means, "groupStatistics",
                Charts.table(GROUP_TABLE, table))));
    }
}
