package io.easel.components.builtin.classification;

import io.easel.component.Param;
import io.easel.component.Text;

/**
 * The params Spark's tree classifiers share (decision tree, random forest, GBDT), named as Spark names them so that
 * {@link io.easel.components.learn.SparkParams} hands them over, with Spark's ranges.
 */
public final class TreeParams {

    public static final Param<Integer> MAX_DEPTH = Param.integer("maxDepth", Text.of("Maximum tree depth",
                    "树的最大深度"))
            .description(Text.of("Levels of splits below the root; 0 is a single leaf. Deeper trees fit more detail "
                            + "and overfit sooner.",
                    "根节点以下的分裂层数；0 表示只有一个叶节点。树越深拟合越细，也越容易过拟合。"))
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
            .description(Text.of("A split is not made if either side would get fewer rows.",
                    "若分裂后任一侧的行数少于该值，则不进行该分裂。"))
            .defaultValue(1)
            .range(1, null)
            .advanced();

    public static final Param<Double> MIN_WEIGHT_FRACTION_PER_NODE = Param.decimal("minWeightFractionPerNode",
                    Text.of("Minimum weight share per leaf", "叶节点最小权重占比"))
            .description(Text.of("A split is not made if either side would get less than this share of the total "
                            + "row weight.",
                    "若分裂后任一侧的权重占总权重的比例低于该值，则不进行该分裂。"))
            .defaultValue(0.0)
            .range(0, false, 0.5, true)
            .advanced();

    public static final Param<Double> MIN_INFO_GAIN = Param.decimal("minInfoGain",
                    Text.of("Minimum information gain", "最小信息增益"))
            .description(Text.of("A split is made only if it gains at least this much.", "只有信息增益不低于该值时才进行分裂。"))
            .defaultValue(0.0)
            .range(0, null)
            .advanced();

    public static final Param<String> IMPURITY = Param.choice("impurity", Text.of("Impurity", "不纯度"),
                    Param.option("gini", Text.of("Gini", "基尼系数")),
                    Param.option("entropy", Text.of("Entropy (information gain)", "熵（信息增益）")))
            .description(Text.of("How the purity of a split's sides is measured.", "衡量分裂后两侧纯度的方式。"))
            .defaultValue("gini");

    public static final Param<Integer> NUM_TREES = Param.integer("numTrees", Text.of("Number of trees", "树的数量"))
            .description(Text.of("Trees in the forest; more trees vote more stably and take longer.",
                    "森林中树的数量；树越多投票越稳定，训练也越慢。"))
            .defaultValue(20)
            .range(1, null);

    public static final Param<String> FEATURE_SUBSET_STRATEGY = Param.choice("featureSubsetStrategy",
                    Text.of("Features tried per split", "每次分裂考虑的特征"),
                    Param.option("auto", Text.of("Automatic (square root for a random forest, all for GBDT)",
                            "自动（随机森林用平方根，GBDT 用全部）")),
                    Param.option("all", Text.of("All features", "全部特征")),
                    Param.option("sqrt", Text.of("Square root of the number of features", "特征数的平方根")),
                    Param.option("log2", Text.of("Base-2 logarithm of the number of features", "特征数以 2 为底的对数")),
                    Param.option("onethird", Text.of("One third of the features", "三分之一的特征")))
            .description(Text.of("How many features, drawn at random, each split chooses from.",
                    "每次分裂时随机抽取多少个特征作为候选。"))
            .defaultValue("auto")
            .advanced();

    public static final Param<Double> SUBSAMPLING_RATE = Param.decimal("subsamplingRate",
                    Text.of("Subsampling rate", "子采样比例"))
            .description(Text.of("Share of rows each tree is trained on.", "每棵树训练时使用的行比例。"))
            .defaultValue(1.0)
            .range(0, true, 1, false)
            .advanced();

    public static final Param<Boolean> BOOTSTRAP = Param.bool("bootstrap", Text.of("Bootstrap", "有放回抽样"))
            .description(Text.of("Draw each tree's rows with replacement.", "每棵树的训练行以有放回方式抽取。"))
            .defaultValue(true)
            .advanced();

    public static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"))
            .description(Text.of("The same seed gives the same model on the same data.", "相同的种子在相同数据上得到相同的模型。"))
            .defaultValue(42)
            .advanced();

    public static final Param<Integer> MAX_MEMORY_IN_MB = Param.integer("maxMemoryInMB",
                    Text.of("Memory for split statistics (MB)", "分裂统计内存（MB）"))
            .description(Text.of("Memory for collecting split statistics; more lets more nodes be split per pass "
                            + "over the data.",
                    "用于汇总分裂统计信息的内存；越大每轮遍历数据可分裂的节点越多。"))
            .defaultValue(256)
            .range(0, null)
            .advanced();

    public static final Param<Boolean> CACHE_NODE_IDS = Param.bool("cacheNodeIds",
                    Text.of("Cache node ids", "缓存节点编号"))
            .description(Text.of("Cache each row's node instead of passing trees to executors; speeds up deep "
                            + "trees.",
                    "缓存每行所在的节点，而不是把树传给执行器；可加快深树的训练。"))
            .defaultValue(false)
            .advanced();

    private TreeParams() {}
}
