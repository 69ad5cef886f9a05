package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.stat.ChiSquareTest;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Pearson's chi-square test of independence between each categorical feature and a label, by Spark's
 * {@link ChiSquareTest} over all features at once, with Cramér's V for the strength of each association. Values are
 * indexed first (Spark's {@link StringIndexer}, one pass for every column). Rows without a label are left out; a
 * missing feature value counts as a category of its own.
 */
public final class ChiSquareIndependence implements SparkComponent {

    static final String ID = "chi-square-test";
    static final String MISSING = "(missing)";
    /** Spark's limit on the categories of one feature. */
    static final int MAX_CATEGORIES = 10_000;
    private static final String FEATURES = "__features";
    private static final String LABEL = "__label";

    static final TableSpec TABLE = TableSpec.of(ColumnSpec.of("feature", DataType.STRING),
            ColumnSpec.of("chiSquare", DataType.DOUBLE), ColumnSpec.of("degreesOfFreedom", DataType.INTEGER),
            ColumnSpec.of("pValue", DataType.DOUBLE), ColumnSpec.of("cramersV", DataType.DOUBLE),
            ColumnSpec.of("categories", DataType.INTEGER));

    public static final ReportSpec SPEC = ReportSpec.builder(ID)
            .headline("dependent", "Features related to the label", "与标签相关的特征数")
            .headline("features", "Features tested", "检验的特征数")
            .headline("rows", "Rows", "行数")
            .metric("significance", "Significance level", "显著性水平")
            .metric("classes", "Label classes", "标签类别数")
            .chart("tests", ReportSpec.ChartKind.TABLE, Text.of("Chi-square tests", "卡方检验结果"))
            .chart("strength", ReportSpec.ChartKind.BARS, Text.of("Strength of association (Cramér's V)",
                    "关联强度（克莱姆 V 系数）"), Text.of("Cramér's V", "克莱姆 V 系数"), Text.of("Feature", "特征"))
            .build();

    public static final Port IN = Columns.IN;

    public static final Param<String> LABEL_COLUMN = Param.column("labelColumn", Text.of("Label column", "标签列"),
                    IN, Columns.CATEGORIES)
            .description(Text.of("The categorical column each feature is tested against.", "与各特征做检验的类别列。"))
            .required();

    public static final Param<List<String>> FEATURES_PARAM = Param.columns("featureColumns",
                    Text.of("Feature columns", "特征列"), IN, Columns.CATEGORIES)
            .description(Text.of("The categorical columns to test; empty: every text, integer and boolean column "
                            + "but the label. Bin numeric columns first (discretize).",
                    "要检验的类别列；留空则为除标签外的所有文本、整数和布尔列。数值列请先离散化。"))
            .typeHint(Text.of("Chi-square tests counts of categories: discretize a decimal column first.",
                    "卡方检验基于类别计数：请先将小数列离散化。"))
            .excluding(LABEL_COLUMN)
            .allWhenEmpty();

    public static final Param<Double> SIGNIFICANCE = significance();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Test results", "检验结果"),
            SchemaRule.fixed(TABLE));

    public static final Port REPORT = Charts.report(SPEC);

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.STATISTICS)
            .title("Chi-square independence test", "卡方独立性检验")
            .description("Tests whether each categorical feature is independent of a categorical label (Pearson's "
                            + "chi-square on their contingency table): the statistic, degrees of freedom, p-value and "
                            + "Cramér's V (0: no association, 1: complete), strongest association first. A p-value "
                            + "below the significance level means the feature and the label are related.",
                    "检验每个类别特征是否与类别标签独立（对两者的列联表做皮尔逊卡方检验）：给出统计量、自由度、p 值和克莱姆 V "
                            + "系数（0 表示无关联，1 表示完全关联），按关联强度从高到低排列。p 值低于显著性水平表示特征与标签相关。")
            .keywords("chi-square", "chi2", "independence", "hypothesis test", "categorical", "cramer's v",
                    "p-value", "卡方检验", "独立性检验", "假设检验", "类别", "p 值")
            .inputs(IN)
            .outputs(OUT, REPORT)
            .params(LABEL_COLUMN, FEATURES_PARAM, SIGNIFICANCE)
            .examples(
                    Example.of("Which credit_g attributes relate to the credit risk",
                                    "credit_g 中哪些属性与信用风险相关", Map.of("labelColumn", "class"))
                            .input(IN, ExampleData.dataset("credit_g")),
                    Example.of("Votes against party, missing votes as a category",
                                    "各项投票与党派的关系，缺失投票作为一个类别",
                                    Map.of("labelColumn", "Class", "featureColumns", List.of("physician_fee_freeze",
                                            "el_salvador_aid", "water_project_cost_sharing")))
                            .input(IN, ExampleData.dataset("vote")))
            .build();

    static Param<Double> significance() {
        return Param.decimal("significance", Text.of("Significance level", "显著性水平"))
                .description(Text.of("A p-value below this rejects independence (the usual 0.05).",
                        "p 值低于该值即拒绝独立性假设（通常取 0.05）。"))
                .defaultValue(0.05)
                .range(0, true, 1, true);
    }

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String label = ctx.param(LABEL_COLUMN);
        List<ColumnSpec> features = ctx.columns(FEATURES_PARAM);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("Param 'featureColumns': the input has no text, integer or boolean "
                    + "column besides the label to test");
        }
        List<Column> categories = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        List<String> indexed = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            categories.add(coalesce(Columns.named(features.get(i).name()).cast("string"), lit(MISSING)).as("f" + i));
            raw.add("f" + i);
            indexed.add("i" + i);
        }
        categories.add(Columns.named(label).cast("string").as("l"));
        Dataset<Row> labelled = in.rows().select(categories.toArray(Column[]::new)).where(col("l").isNotNull());
        raw.add("l");
        indexed.add(LABEL);
        StringIndexerModel indexer = new StringIndexer().setInputCols(raw.toArray(String[]::new))
                .setOutputCols(indexed.toArray(String[]::new)).fit(labelled);
        String[][] values = indexer.labelsArray();
        for (int i = 0; i < features.size(); i++) {
            if (values[i].length > MAX_CATEGORIES) {
                throw new IllegalArgumentException("Param 'featureColumns': '" + features.get(i).name() + "' has "
                        + values[i].length + " distinct values, more than the " + MAX_CATEGORIES + " a chi-square "
                        + "test takes; bin it (discretize) or leave it out");
            }
        }
        int classes = values[features.size()].length;
        if (classes < 2) {
            throw new IllegalArgumentException("Param 'labelColumn': '" + label + "' has " + classes
                    + " class among its rows; a test of independence needs at least two");
        }
        Dataset<Row> vectors = new VectorAssembler().setInputCols(indexed.subList(0, features.size())
                .toArray(String[]::new)).setOutputCol(FEATURES).transform(indexer.transform(labelled));
        List<Row> tests = ChiSquareTest.test(vectors.select(FEATURES, LABEL), FEATURES, LABEL, true)
                .collectAsList();
        long rows = tests.isEmpty() ? 0 : labelled.count();
        double significance = ctx.param(SIGNIFICANCE);
        List<Row> table = new ArrayList<>();
        for (Row test : tests) {
            int feature = test.getInt(0);
            int featureCategories = values[feature].length;
            double statistic = test.getDouble(3);
            double cramersV = featureCategories < 2 ? Double.NaN
                    : Math.sqrt(statistic / (rows * (Math.min(featureCategories, classes) - 1.0)));
            table.add(RowFactory.create(features.get(feature).name(), statistic, test.getInt(2), test.getDouble(1),
                    Columns.finite(cramersV), featureCategories));
        }
        table.sort(Comparator.comparing((Row r) -> r.isNullAt(4) ? -1 : r.getDouble(4)).reversed()
                .thenComparing(r -> r.getString(0)));
        ctx.output(OUT, Derived.table(this, ctx, ctx.spark().createDataFrame(table, SparkTypes.toSchema(TABLE)), in)
                .inOrder(col("cramersV").desc_nulls_last(), col("feature").asc()));
        Map<String, Object> strength = new LinkedHashMap<>();
        table.stream().filter(r -> !r.isNullAt(4)).forEach(r -> strength.put(r.getString(0), r.getDouble(4)));
        ctx.output(REPORT, new ReportData(ID, Map.of(
                "dependent", table.stream().filter(r -> r.getDouble(3) < significance).count(),
                "features", table.size(), "rows", rows, "significance", significance, "classes", classes),
                Map.of("tests", Charts.table(TABLE.columnNames(), table.stream().map(Charts::cells).toList()),
                        "strength", strength)));
    }
}
