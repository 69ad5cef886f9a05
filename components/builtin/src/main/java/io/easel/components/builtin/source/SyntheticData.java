package io.easel.components.builtin.source;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Column;

/**
 * A table of made-up rows with a known structure, for trying components and for scale benchmarks: numeric features
 * {@code x0 … x(n-1)} drawn from the standard normal distribution, categorical columns {@code cat0 …} with levels
 * {@code L0, L1 …} drawn uniformly, and a {@code label} that depends on the first {@code informative} numeric features
 * and on every categorical column, plus Gaussian noise.
 *
 * <p>Every cell is a function of the seed, the row number and the column alone (a hash turned into a uniform, two
 * uniforms into a normal), computed by Spark in each partition: nothing is built on the driver but the few weights,
 * and the same seed gives the same rows on any cluster and with any number of partitions.
 *
 * <p>The label: a linear signal {@code Σ w_j x_j + Σ e_c(level)} with weights and level effects drawn from the seed,
 * scaled to unit variance, plus {@code noise} × a standard normal. For regression that is the label; for
 * classification it is cut at the quantiles of its own distribution into {@code classes} equally likely classes
 * {@code class_0 …}. Missing values are put into feature cells (never the label) after the label is computed.
 */
public final class SyntheticData implements SparkComponent {

    static final String LABEL = "label";
    static final String NUMERIC_PREFIX = "x";
    static final String CATEGORICAL_PREFIX = "cat";

    /** Rows per partition: small enough for many tasks, large enough that tasks are not overhead. */
    private static final long ROWS_PER_PARTITION = 200_000;

    /** What a hash is drawn for: kept apart so that no two cells share their randomness. */
    private enum Stream { NUMERIC, CATEGORICAL, NOISE, MISSING }

    public static final Param<String> TASK = Param.choice("task", Text.of("Task", "任务"),
                    Param.option("classification", Text.of("Classification", "分类")),
                    Param.option("regression", Text.of("Regression", "回归")))
            .description(Text.of("Whether the label is a class or a number.", "标签是类别还是数值。"))
            .defaultValue("classification")
            .required();

    public static final Param<Integer> CLASSES = Param.integer("classes", Text.of("Classes", "类别数"))
            .description(Text.of("How many classes the label has, all equally likely.", "标签的类别数，各类别出现的概率相同。"))
            .defaultValue(2)
            .range(2, 1000)
            .visibleWhen(TASK, "classification");

    public static final Param<Integer> ROWS = Param.integer("rows", Text.of("Rows", "行数"))
            .description(Text.of("How many rows to generate.", "要生成的行数。"))
            .defaultValue(1000)
            .range(1, Integer.MAX_VALUE)
            .required();

    public static final Param<Integer> FEATURES = Param.integer("features", Text.of("Numeric features", "数值特征数"))
            .description(Text.of("How many numeric columns x0, x1 … to generate (standard normal).",
                    "生成的数值列 x0、x1 … 的个数（服从标准正态分布）。"))
            .defaultValue(10)
            .range(0, 10_000)
            .required();

    public static final Param<Integer> INFORMATIVE = Param.integer("informative",
                    Text.of("Informative features", "有效特征数"))
            .description(Text.of("How many of the numeric features, from x0 on, the label depends on; the others "
                            + "are pure noise. At most the number of numeric features (the default is lowered to it).",
                    "标签依赖的数值特征个数（从 x0 起）；其余特征为纯噪声。不能超过数值特征数（默认值会自动降到该数）。"))
            .defaultValue(5)
            .range(0, 10_000)
            .required();

    public static final Param<Integer> CATEGORICAL = Param.integer("categorical",
                    Text.of("Categorical columns", "类别列数"))
            .description(Text.of("How many text columns cat0, cat1 … to generate; each level shifts the label.",
                    "生成的文本列 cat0、cat1 … 的个数；每个取值都会影响标签。"))
            .defaultValue(0)
            .range(0, 1000)
            .required();

    public static final Param<Integer> LEVELS = Param.integer("levels", Text.of("Levels per categorical column",
                    "每个类别列的取值数"))
            .description(Text.of("How many distinct values (L0, L1 …) each categorical column takes, equally often.",
                    "每个类别列的不同取值（L0、L1 …）个数，各取值出现的概率相同。"))
            .defaultValue(5)
            .range(2, 100_000);

    public static final Param<Double> MISSING = Param.decimal("missingShare", Text.of("Missing share", "缺失比例"))
            .description(Text.of("The share of feature cells left empty, at random (the label is never missing).",
                    "随机置空的特征单元格比例（标签不会缺失）。"))
            .defaultValue(0.0)
            .range(0.0, false, 1.0, true);

    public static final Param<Double> NOISE = Param.decimal("noise", Text.of("Noise", "噪声"))
            .description(Text.of("The standard deviation of the Gaussian noise added to the label's signal, which "
                            + "has standard deviation 1: 0 makes the label an exact function of the features.",
                    "加到标签信号上的高斯噪声的标准差（信号的标准差为 1）：0 表示标签完全由特征决定。"))
            .defaultValue(0.1)
            .range(0.0, 100.0);

    public static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"))
            .description(Text.of("The same seed and params give the same rows.", "相同的种子和参数生成相同的行。"))
            .defaultValue(42)
            .advanced();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data", "数据"),
            SchemaRule.newTable()
                    .addSeries(NUMERIC_PREFIX, FEATURES, ColumnOp.Type.of(DataType.DOUBLE))
                    .addSeries(CATEGORICAL_PREFIX, CATEGORICAL, ColumnOp.Type.of(DataType.STRING))
                    .add(ColumnOp.Name.of(LABEL), ColumnOp.Type.byChoice(TASK,
                            Map.of("classification", DataType.STRING, "regression", DataType.DOUBLE))));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("synthetic-data")
            .category(Category.DATA_SOURCES)
            .title("Synthetic data", "合成数据")
            .description("Generates a table for classification or regression with a known structure: numeric and "
                            + "categorical features, a label that depends on some of them, noise and missing values. "
                            + "The same seed gives the same rows; generated in parallel, for any number of rows.",
                    "生成结构已知的分类或回归数据表：数值与类别特征、依赖部分特征的标签、噪声和缺失值。"
                            + "相同种子生成相同的行；并行生成，行数不限。")
            .keywords("synthetic", "generate", "random", "simulate", "benchmark", "make classification",
                    "make regression", "合成", "生成", "随机", "模拟", "基准测试")
            .outputs(OUT)
            .params(TASK, CLASSES, ROWS, FEATURES, INFORMATIVE, CATEGORICAL, LEVELS, MISSING, NOISE, SEED)
            .examples(Example.of("Three classes from 4 informative of 8 features, 2 categorical columns, 5% missing",
                            "三分类：8 个特征中 4 个有效，2 个类别列，5% 缺失",
                            Map.of("classes", 3, "rows", 500, "features", 8, "informative", 4, "categorical", 2,
                                    "levels", 4, "missingShare", 0.05)),
                    Example.of("Regression with 5 features, 3 of them informative", "回归：5 个特征中 3 个有效",
                            Map.of("task", "regression", "rows", 300, "features", 5, "informative", 3,
                                    "noise", 0.5)))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        int features = ctx.param(FEATURES);
        int informative = ctx.params().userSet().containsKey(INFORMATIVE.name()) ? ctx.param(INFORMATIVE)
                : Math.min(ctx.param(INFORMATIVE), features); // the default fits any number of features
        if (informative > features) {
            throw new IllegalArgumentException("synthetic-data: param 'informative' is " + informative
                    + ", more than the " + features + " numeric features (param 'features'); lower it or add features");
        }
        int rows = ctx.param(ROWS);
        long seed = ctx.param(SEED);
        int partitions = (int) Math.max(1, (rows + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION);
        Cells cells = new Cells(seed);
        Structure structure = Structure.draw(seed, informative, ctx.param(CATEGORICAL), ctx.param(LEVELS));

        List<Column> complete = new ArrayList<>();
        Column signal = lit(0.0);
        for (int j = 0; j < features; j++) {
            Column x = cells.normal(Stream.NUMERIC, j);
            complete.add(x);
            if (j < informative) {
                signal = signal.plus(x.multiply(structure.weights()[j]));
            }
        }
        for (int c = 0; c < structure.levelEffects().size(); c++) {
            Column level = floor(cells.uniform(Stream.CATEGORICAL, c, 0).multiply(ctx.param(LEVELS))).cast("int");
            complete.add(level);
            // element_at counts from 1
            signal = signal.plus(element_at(lit(structure.levelEffects().get(c)), level.plus(1)));
        }
        double scale = structure.signalSd();
        Column labelValue = (scale > 0 ? signal.divide(scale) : lit(0.0))
                .plus(cells.normal(Stream.NOISE, 0).multiply(ctx.param(NOISE)));
        Column label = ctx.param(TASK).equals("regression") ? labelValue
                : classOf(labelValue, ctx.param(CLASSES), Math.sqrt(1 + Math.pow(ctx.param(NOISE), 2)));

        double missing = ctx.param(MISSING);
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < complete.size(); i++) {
            boolean numeric = i < features;
            Column value = numeric ? complete.get(i) : concat(lit("L"), complete.get(i).cast("string"));
            String name = numeric ? NUMERIC_PREFIX + i : CATEGORICAL_PREFIX + (i - features);
            Column kept = missing > 0 ? when(cells.uniform(Stream.MISSING, i, 0).geq(missing), value) : value;
            out.add(kept.as(name));
        }
        out.add(label.as(LABEL));
        ctx.output(OUT, TableData.source(ctx.spark().range(0, rows, 1, partitions).select(out.toArray(Column[]::new))));
    }

    /**
     * {@code class_0 …} by where {@code value} falls among the quantiles of a normal of standard deviation
     * {@code sd}, so that each class is equally likely.
     */
    private static Column classOf(Column value, int classes, double sd) {
        NormalDistribution normal = new NormalDistribution(0, sd);
        Column index = lit(0);
        for (int i = 1; i < classes; i++) {
            index = index.plus(when(value.gt(normal.inverseCumulativeProbability((double) i / classes)), 1)
                    .otherwise(0));
        }
        return concat(lit("class_"), index.cast("string"));
    }

    /**
     * The weights of the informative features and the effect of each level of each categorical column (centred, so
     * that the signal has mean 0), drawn from the seed on the driver: a few numbers, not table data.
     */
    private record Structure(double[] weights, List<double[]> levelEffects, double signalSd) {

        static Structure draw(long seed, int informative, int categorical, int levels) {
            SplittableRandom random = new SplittableRandom(seed);
            double variance = 0;
            double[] weights = new double[informative];
            for (int j = 0; j < informative; j++) {
                weights[j] = (random.nextBoolean() ? 1 : -1) * (1 + 2 * random.nextDouble());
                variance += weights[j] * weights[j];
            }
            List<double[]> effects = new ArrayList<>();
            for (int c = 0; c < categorical; c++) {
                double[] effect = new double[levels];
                double mean = 0;
                for (int l = 0; l < levels; l++) {
                    effect[l] = random.nextGaussian();
                    mean += effect[l] / levels;
                }
                for (int l = 0; l < levels; l++) {
                    effect[l] -= mean;
                    variance += effect[l] * effect[l] / levels; // levels are equally likely
                }
                effects.add(effect);
            }
            return new Structure(weights, effects, Math.sqrt(variance));
        }
    }

    /** Random cells as functions of the seed, the row ({@code id}) and the stream, without any state. */
    private record Cells(long seed) {

        private static final double TWO_TO_53 = 0x1p53;

        /** Uniform on (0, 1): the top 53 bits of a 64-bit hash, centred in their interval so never 0 or 1. */
        Column uniform(Stream stream, int column, int draw) {
            Column hash = xxhash64(lit(seed), col("id"), lit(stream.ordinal()), lit(column), lit(draw));
            return shiftrightunsigned(hash, 11).plus(0.5).divide(TWO_TO_53);
        }

        /** Standard normal by Box–Muller from two independent uniforms. */
        Column normal(Stream stream, int column) {
            return sqrt(log(uniform(stream, column, 1)).multiply(-2))
                    .multiply(cos(uniform(stream, column, 2).multiply(2 * Math.PI)));
        }
    }
}
