package io.easel.components.learn;

import io.easel.component.BoundParams;
import io.easel.component.Param;
import io.easel.component.Text;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Estimator;

/**
 * The params every Spark tree learner shares (decision tree, random forest, gradient-boosted trees; classifiers and
 * regressors alike), declared once with Spark's names, defaults and ranges. Being named as Spark names them, they are
 * set on any tree estimator by {@link #configure}.
 */
public final class TreeParams {

    public static final Param<Integer> MAX_DEPTH = Param.integer("maxDepth", Text.of("Maximum tree depth",
                    "树的最大深度"))
            .description(Text.of("Depth 0 is a single leaf; deeper trees fit finer patterns and overfit sooner.",
                    "深度 0 表示只有一个叶节点；树越深拟合越细，也越容易过拟合。"))
            .defaultValue(5)
            .range(0, 30);

    public static final Param<Integer> MAX_BINS = Param.integer("maxBins", Text.of("Maximum bins", "最大分箱数"))
            .description(Text.of("Bins for splitting numeric features; must exceed the number of values of every "
                            + "text feature.",
                    "数值特征切分时的分箱数；必须大于每个文本特征的取值个数。"))
            .defaultValue(32)
            .range(2, null)
            .advanced();

    public static final Param<Integer> MIN_INSTANCES_PER_NODE = Param.integer("minInstancesPerNode",
                    Text.of("Minimum rows per leaf", "叶节点最少行数"))
            .description(Text.of("A split is not made if either side would get fewer rows than this.",
                    "若切分后任一侧的行数少于此值，则不进行该切分。"))
            .defaultValue(1)
            .range(1, null)
            .advanced();

    public static final Param<Double> MIN_WEIGHT_FRACTION_PER_NODE = Param.decimal("minWeightFractionPerNode",
                    Text.of("Minimum weight share per leaf", "叶节点最小权重占比"))
            .description(Text.of("A split is not made if either side would get less than this share of the total "
                            + "row weight.",
                    "若切分后任一侧的权重占总权重的比例低于此值，则不进行该切分。"))
            .defaultValue(0.0)
            .range(0, false, 0.5, true)
            .advanced();

    public static final Param<Double> MIN_INFO_GAIN = Param.decimal("minInfoGain",
                    Text.of("Minimum information gain", "最小信息增益"))
            .description(Text.of("A split is made only if it improves the impurity by at least this much.",
                    "只有当切分使不纯度至少降低此值时才进行切分。"))
            .defaultValue(0.0)
            .range(0, null)
            .advanced();

    public static final Param<Integer> MAX_MEMORY_IN_MB = Param.integer("maxMemoryInMB",
                    Text.of("Memory for split statistics (MB)", "切分统计内存（MB）"))
            .description(Text.of("Memory for collecting split statistics; more lets Spark grow more nodes per pass.",
                    "用于收集切分统计信息的内存；越大则每轮可生长的节点越多。"))
            .defaultValue(256)
            .range(0, null)
            .advanced();

    public static final Param<Boolean> CACHE_NODE_IDS = Param.bool("cacheNodeIds",
                    Text.of("Cache node IDs", "缓存节点编号"))
            .description(Text.of("Caches which node each row is in, which speeds up training deep trees.",
                    "缓存每行所在的节点，可加快深树的训练。"))
            .defaultValue(false)
            .advanced();

    public static final Param<Integer> CHECKPOINT_INTERVAL = Param.integer("checkpointInterval",
                    Text.of("Checkpoint interval", "检查点间隔"))
            .description(Text.of("With cached node IDs, checkpoint them every this many iterations (-1: never); "
                            + "needs a checkpoint directory on the cluster.",
                    "缓存节点编号时，每隔多少次迭代做一次检查点（-1 表示不做）；需要集群设置检查点目录。"))
            .defaultValue(10)
            .range(-1, null)
            .advanced();

    public static final Param<Double> SUBSAMPLING_RATE = Param.decimal("subsamplingRate",
                    Text.of("Subsampling rate", "子采样比例"))
            .description(Text.of("Share of rows each tree is trained on.", "每棵树训练时使用的行比例。"))
            .defaultValue(1.0)
            .range(0, true, 1, false)
            .advanced();

    /** Spark's own default for random forests; gradient-boosted trees default to "all". */
    public static final Param<String> FEATURE_SUBSET_STRATEGY = Param.choice("featureSubsetStrategy",
                    Text.of("Features tried per split", "每次切分考虑的特征"),
                    Param.option("auto", Text.of("Automatic (all when boosting; a third for a regression forest, the "
                            + "square root for a classification forest)",
                            "自动（梯度提升用全部；回归森林用三分之一，分类森林用平方根）")),
                    Param.option("all", Text.of("All features", "全部特征")),
                    Param.option("onethird", Text.of("A third of the features", "三分之一的特征")),
                    Param.option("sqrt", Text.of("Square root of the number of features", "特征数的平方根")),
                    Param.option("log2", Text.of("Log2 of the number of features", "特征数的以 2 为底的对数")),
                    Param.option("fraction", Text.of("A share of the features", "按比例选取特征")))
            .description(Text.of("How many features each split chooses among, at random.",
                    "每次切分时随机选取多少个特征作为候选。"))
            .defaultValue("auto")
            .advanced();

    public static final Param<Double> FEATURE_FRACTION = Param.decimal("featureSubsetFraction",
                    Text.of("Share of features tried per split", "每次切分考虑的特征比例"))
            .defaultValue(0.5)
            .range(0, true, 1, false)
            .visibleWhen(FEATURE_SUBSET_STRATEGY, "fraction")
            .advanced();

    public static final Param<Integer> NUM_TREES = Param.integer("numTrees", Text.of("Number of trees", "树的数量"))
            .description(Text.of("Trees in the forest; more trees vote more stably and take longer.",
                    "森林中树的数量；树越多投票越稳定，训练也越慢。"))
            .defaultValue(20)
            .range(1, null);

    public static final Param<Boolean> BOOTSTRAP = Param.bool("bootstrap", Text.of("Bootstrap", "有放回抽样"))
            .description(Text.of("Draw each tree's rows with replacement.", "每棵树的训练行以有放回方式抽取。"))
            .defaultValue(true)
            .advanced();

    /** How classification trees measure a split; regression trees always use the variance. */
    public static final Param<String> CLASSIFICATION_IMPURITY = Param.choice("impurity", Text.of("Impurity", "不纯度"),
                    Param.option("gini", Text.of("Gini", "基尼系数")),
                    Param.option("entropy", Text.of("Entropy (information gain)", "熵（信息增益）")))
            .description(Text.of("How the purity of a split's sides is measured.", "衡量分裂后两侧纯度的方式。"))
            .defaultValue("gini");

    private TreeParams() {}

    /** The params of a single tree, in form order. */
    public static List<Param<?>> tree() {
        return List.of(MAX_DEPTH, MAX_BINS, MIN_INSTANCES_PER_NODE, MIN_WEIGHT_FRACTION_PER_NODE, MIN_INFO_GAIN,
                SharedParams.SEED, MAX_MEMORY_IN_MB, CACHE_NODE_IDS, CHECKPOINT_INTERVAL);
    }

    /**
     * The params of an ensemble of trees: those of each tree, row subsampling and the features tried per split.
     *
     * @param strategy the feature subset strategy param, e.g. with another default
     */
    public static List<Param<?>> ensemble(Param<String> strategy) {
        List<Param<?>> params = new ArrayList<>(tree());
        params.addAll(List.of(SUBSAMPLING_RATE, strategy, FEATURE_FRACTION));
        return params;
    }

    /**
     * A copy of {@code estimator} with the bound value of each of {@code params} set on Spark's param of the same
     * name ({@link SparkParams}); a "fraction" strategy is handed over as the fraction itself, as Spark takes it.
     */
    public static <E extends Estimator<?>> E configure(E estimator, BoundParams bound, List<Param<?>> params) {
        List<Param<?>> named = params.stream()
                .filter(p -> !p.name().equals(FEATURE_FRACTION.name()))
                .filter(p -> !(p.name().equals(FEATURE_SUBSET_STRATEGY.name()) && isFraction(bound)))
                .toList();
        E configured = SparkParams.set(estimator, bound, named.toArray(Param<?>[]::new));
        if (named.size() < params.size() && isFraction(bound)) {
            return SparkParams.set(configured, FEATURE_SUBSET_STRATEGY.name(),
                    String.valueOf(bound.get(FEATURE_FRACTION)));
        }
        return configured;
    }

    private static boolean isFraction(BoundParams bound) {
        return "fraction".equals(bound.get(FEATURE_SUBSET_STRATEGY));
    }
}
