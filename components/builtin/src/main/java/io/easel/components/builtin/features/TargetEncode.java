package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.components.transform.CategoryValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.ml.feature.TargetEncoder;
import org.apache.spark.ml.feature.TargetEncoderModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark 4's TargetEncoder on text columns: each category becomes a statistic of the target over its rows (the share
 * of positive rows for a binary target, the mean for a continuous one), shrunk towards the statistic over all rows by
 * the smoothing. Spark fits it (on category indices, which it requires) and computes the numbers; they are then
 * applied as a {@link CategoryValues} step that exported models replay, so a missing or unseen category gets the
 * statistic over all rows (Spark's {@code handleInvalid=keep}) in Spark and PMML alike.
 */
public final class TargetEncode implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    DataType.STRING)
            .description(Text.of("The text columns to encode.", "要编码的文本列。"))
            .required();

    public static final Param<String> TARGET = Param.column("labelColumn", Text.of("Target column", "目标列"), IN,
                    DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.DOUBLE, DataType.BOOLEAN)
            .excluding(COLUMNS)
            .required();

    public static final Param<String> TARGET_TYPE = Param.choice("targetType", Text.of("Target type", "目标类型"),
                    Param.option("binary", Text.of("Binary: the share of positive rows", "二分类：正例占比")),
                    Param.option("continuous", Text.of("Continuous: the mean target", "连续：目标均值")))
            .defaultValue("binary")
            .required();

    public static final Param<String> POSITIVE = Param.string("positiveLabel", Text.of("Positive value", "正例取值"))
            .description(Text.of("For a binary target: the target value counted as positive. Blank: the target "
                            + "must hold 0 and 1 (or true and false).",
                    "二分类目标：视为正例的目标取值。留空：目标列须为 0 和 1（或 true 和 false）。"))
            .visibleWhen(TARGET_TYPE, "binary");

    public static final Param<Double> SMOOTHING = Param.decimal("smoothing", Text.of("Smoothing", "平滑系数"))
            .description(Text.of("How far a rare category's number is pulled towards the statistic over all rows: "
                            + "0 keeps each category's own statistic.",
                    "稀有类别的数值向全体统计量收缩的程度：0 表示保留每个类别自身的统计量。"))
            .defaultValue(0.0)
            .range(0, null);

    public static final Param<String> SUFFIX = FeatureColumns.newColumnSuffix("_target");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Encoded data", "编码后的数据"),
            FeatureColumns.output(IN, COLUMNS));

    private static final String INDEX = ModelData.INTERNAL_PREFIX + "category_";
    private static final String ENCODED = ModelData.INTERNAL_PREFIX + "encoded_";
    private static final String TARGET_VALUE = ModelData.INTERNAL_PREFIX + "target";

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("target-encode")
            .category(Category.FEATURE_ENGINEERING)
            .title("Target encoder", "目标编码")
            .description("Replaces each category of text columns by a statistic of the target over its rows: the "
                            + "share of positive rows for a binary target, the mean for a continuous one, with "
                            + "optional smoothing towards the overall statistic. Missing and unseen categories get "
                            + "the overall statistic. Exported models repeat the encoding on raw records.",
                    "将文本列的每个类别替换为该类别各行目标的统计量：二分类目标为正例占比，连续目标为均值，可向整体统计量"
                            + "平滑。缺失和未见过的类别取整体统计量。导出的模型对原始记录执行同样的编码。")
            .keywords("target encoder", "mean encoding", "likelihood encoding", "categorical", "目标编码", "均值编码",
                    "类别")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, TARGET, TARGET_TYPE, POSITIVE, SMOOTHING, SUFFIX)
            .examples(Example.of("credit_g's purpose and housing by their share of bad credit",
                            "按不良信用占比对 credit_g 的用途和住房编码",
                            Map.of("columns", List.of("purpose", "housing"), "labelColumn", "class",
                                    "positiveLabel", "bad", "smoothing", 1.0))
                            .input(IN, ExampleData.dataset("credit_g")),
                    Example.of("credit_g's purpose by its mean credit amount", "按平均贷款金额对 credit_g 的用途编码",
                            Map.of("columns", List.of("purpose"), "labelColumn", "credit_amount",
                                    "targetType", "continuous"))
                            .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        List<String> columns = ctx.param(COLUMNS);
        List<List<String>> categories = columns.stream()
                .map(column -> FeatureColumns.categories(in, column, Integer.MAX_VALUE, col("value"))).toList();
        List<String> indices = columns.stream().map(c -> INDEX + c).toList();
        List<String> encoded = columns.stream().map(c -> ENCODED + c).toList();
        Dataset<Row> indexed = new CategoryValues().setInputCols(columns).setOutputCols(indices)
                .setIndices(categories).transform(in.rows())
                .withColumn(TARGET_VALUE, target(ctx, in)).filter(col(TARGET_VALUE).isNotNull());
        TargetEncoderModel encoder = new TargetEncoder()
                .setInputCols(indices.toArray(String[]::new))
                .setOutputCols(encoded.toArray(String[]::new))
                .setLabelCol(TARGET_VALUE)
                .setTargetType(ctx.param(TARGET_TYPE))
                .setSmoothing(ctx.param(SMOOTHING))
                .setHandleInvalid("keep")
                .fit(indexed);
        // Spark's numbers for every index, and for one past the last (unseen), read back from the fitted model.
        int most = categories.stream().mapToInt(List::size).max().orElseThrow();
        StructType schema = new StructType();
        for (String index : indices) {
            schema = schema.add(index, DataTypes.DoubleType, false);
        }
        List<Row> probes = IntStream.rangeClosed(0, most + 1)
                .mapToObj(k -> RowFactory.create(indices.stream().map(i -> (Object) (double) k).toArray()))
                .toList();
        List<Row> numbers = encoder.transform(ctx.spark().createDataFrame(probes, schema))
                .select(encoded.stream().map(c -> col(c)).toArray(Column[]::new)).collectAsList();
        List<Map<String, Double>> values = new ArrayList<>();
        List<Double> unseen = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Map<String, Double> perCategory = new LinkedHashMap<>();
            for (int k = 0; k < categories.get(i).size(); k++) {
                perCategory.put(categories.get(i).get(k), numbers.get(k).getDouble(i));
            }
            values.add(perCategory);
            unseen.add(numbers.get(categories.get(i).size() + 1).getDouble(i));
        }
        ctx.output(OUT, in.transform(new CategoryValues().setInputCols(columns)
                .setOutputCols(FeatureColumns.outputs(columns, ctx.param(SUFFIX))).setValues(values, unseen)));
    }

    /** The target as Spark's encoder wants it: a number, 0 or 1 for a binary target. */
    private static Column target(ExecutionContext ctx, TableData in) {
        String target = ctx.param(TARGET);
        DataType type = ctx.column(TARGET).type();
        String positive = ctx.param(POSITIVE);
        if (ctx.param(TARGET_TYPE).equals("continuous")) {
            if (!type.isNumeric()) {
                throw new IllegalArgumentException("Target column '" + target + "' is text: a continuous target "
                        + "must be numeric; choose the binary target type with a positive value.");
            }
            return col(target).cast("double");
        }
        if (positive != null && !positive.isBlank()) {
            if (in.rows().filter(col(target).cast("string").equalTo(positive)).isEmpty()) {
                throw new IllegalArgumentException("Positive value: no row has '" + positive + "' in target column '"
                        + target + "'.");
            }
            return when(col(target).isNull(), lit(null).cast("double"))
                    .otherwise(when(col(target).cast("string").equalTo(positive), 1.0).otherwise(0.0));
        }
        Column number = col(target).cast("double");
        if (type == DataType.STRING || !in.rows().filter(number.isNotNull().and(number.notEqual(0))
                .and(number.notEqual(1))).isEmpty()) {
            throw new IllegalArgumentException("Target column '" + target + "' holds values other than 0 and 1: "
                    + "name the positive value, or choose the continuous target type.");
        }
        return number;
    }
}
