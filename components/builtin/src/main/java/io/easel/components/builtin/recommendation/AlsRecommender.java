package io.easel.components.builtin.recommendation;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;

import io.easel.component.BoundParams;
import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.ModelSpec;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.learn.LearnerRetraining;
import io.easel.components.learn.SharedParams;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Collaborative filtering by alternating least squares (Spark's {@code ALS}): learns a vector of latent factors for
 * every user and every item such that their dot product approaches the rating, from explicit ratings or from
 * implicit feedback (clicks, purchases, plays), where it learns preferences weighted by confidence (Hu, Koren and
 * Volinsky). Users and items may be text or whole numbers: the model indexes them and keeps the mapping, so that
 * what it outputs shows the original ids. Applying it adds the predicted rating of each (user, item) row;
 * recommend-top-k ranks items for users. ALS has no PMML form: the model is not deployable.
 */
public final class AlsRecommender implements SparkComponent {

    static final String ID = "als";

    private static final String USER_INDEX = ModelData.INTERNAL_PREFIX + "user_index";
    private static final String ITEM_INDEX = ModelData.INTERNAL_PREFIX + "item_index";
    private static final String RATING = ModelData.INTERNAL_PREFIX + "rating";
    private static final String FACTOR_PREDICTION = ModelData.INTERNAL_PREFIX + "als_prediction";
    private static final DataType[] ID_TYPES = {DataType.STRING, DataType.INTEGER, DataType.LONG};

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Ratings", "评分数据"));

    public static final Param<String> USER_COLUMN = Param.column("userColumn", Text.of("User column", "用户列"), IN,
                    ID_TYPES)
            .description(Text.of("Who rated: a user id, text or a whole number.", "评分者：用户标识，文本或整数。"))
            .required();

    public static final Param<String> ITEM_COLUMN = Param.column("itemColumn", Text.of("Item column", "物品列"), IN,
                    ID_TYPES)
            .description(Text.of("What was rated: an item id, text or a whole number.", "被评分的对象：物品标识，文本或整数。"))
            .excluding(USER_COLUMN)
            .required();

    public static final Param<String> RATING_COLUMN = Param.column("ratingColumn", Text.of("Rating column", "评分列"),
                    IN, DataType.INTEGER, DataType.LONG, DataType.DOUBLE)
            .description(Text.of("How much the user liked the item, or for implicit feedback how strongly they "
                            + "engaged (a count, a duration; 0 or less means no preference). Blank: each row is one "
                            + "interaction and repeated pairs add up, which needs implicit feedback. Rows with a "
                            + "missing user, item or rating are left out.",
                    "用户对物品的喜爱程度；隐式反馈时为互动强度（次数、时长；0 或更小表示没有偏好）。留空则每行算一次互动，重复的用户–物品对累加，"
                            + "此时需开启隐式反馈。缺少用户、物品或评分的行会被忽略。"))
            .excluding(USER_COLUMN, ITEM_COLUMN);

    public static final Param<Boolean> IMPLICIT_PREFS = Param.bool("implicitPrefs",
                    Text.of("Implicit feedback", "隐式反馈"))
            .description(Text.of("On: the ratings are interactions (clicks, purchases, plays) rather than stated "
                            + "ratings; the model learns whether a user prefers an item, trusting pairs with more "
                            + "interaction more, and predicts a preference score rather than a rating.",
                    "开启：评分是互动（点击、购买、播放）而非明确评分；模型学习用户是否偏好物品，互动越多越可信，预测的是偏好得分而非评分。"))
            .defaultValue(false);

    public static final Param<Double> ALPHA = Param.decimal("alpha", Text.of("Confidence weight (alpha)",
                    "置信度权重（alpha）"))
            .description(Text.of("How fast confidence grows with the amount of interaction: confidence is "
                            + "1 + alpha × rating.",
                    "置信度随互动量增长的速度：置信度 = 1 + alpha × 评分。"))
            .defaultValue(1.0)
            .range(0, null)
            .visibleWhen(IMPLICIT_PREFS, "true");

    public static final Param<Integer> RANK = Param.integer("rank", Text.of("Latent factors (rank)", "隐因子数（秩）"))
            .description(Text.of("How many latent factors describe each user and item; more capture finer tastes "
                            + "but need more data.",
                    "描述每个用户和物品的隐因子个数；越多越能刻画细微偏好，但需要更多数据。"))
            .defaultValue(10)
            .range(1, null)
            .required();

    public static final Param<Integer> MAX_ITER = Param.integer("maxIter", Text.of("Iterations", "迭代次数"))
            .description(Text.of("How many times the user factors and the item factors are solved in turn.",
                    "交替求解用户因子和物品因子的轮数。"))
            .defaultValue(10)
            .range(1, null)
            .required();

    public static final Param<Double> REG_PARAM = SharedParams.REG_PARAM.defaultValue(0.1)
            .description(Text.of("Penalty on large factors, against fitting the known ratings too closely.",
                    "对过大因子的惩罚，防止对已知评分过拟合。"));

    public static final Param<Boolean> NONNEGATIVE = Param.bool("nonnegative", Text.of("Non-negative factors",
                    "非负因子"))
            .description(Text.of("Keep every factor 0 or more, which can make factors easier to read as "
                            + "affinities.",
                    "使所有因子不小于 0，便于把因子解读为亲和度。"))
            .defaultValue(false)
            .advanced();

    public static final Param<String> COLD_START = Param.choice("coldStartStrategy",
                    Text.of("Unknown users or items", "未知用户或物品"),
                    Param.option("missing", Text.of("Leave the prediction missing", "预测值留空")),
                    Param.option("drop", Text.of("Drop the row", "删除该行")))
            .description(Text.of("What applying the model does with a row whose user or item it was not trained "
                            + "on: dropping suits evaluation, which needs a prediction on every row.",
                    "应用模型时，对训练中未出现的用户或物品所在行的处理：删除适合评估，因为评估需要每行都有预测值。"))
            .defaultValue("missing");

    public static final Param<Integer> USER_BLOCKS = blocks("numUserBlocks", Text.of("User blocks", "用户分块数"),
            Text.of("users", "用户"));

    public static final Param<Integer> ITEM_BLOCKS = blocks("numItemBlocks", Text.of("Item blocks", "物品分块数"),
            Text.of("items", "物品"));

    public static final Param<Integer> SEED = SharedParams.SEED;

    public static final Port MODEL = Port.output("model", PortType.MODEL, Text.of("Recommender", "推荐模型"),
                    new SchemaRule.TrainedModel(IN.name(), null, List.of(USER_COLUMN.name(), ITEM_COLUMN.name()),
                            List.of(new SchemaRule.TrainedModel.ModelOutput(ModelData.PREDICTION, DataType.DOUBLE))))
            .withoutPmml();

    /** The example model: bills a member would support, learnt from the yeas of a random 80% of the votes. */
    static final Map<String, Object> VOTE_EXAMPLE = Map.of("userColumn", "member", "itemColumn", "bill",
            "implicitPrefs", true, "rank", 4, "maxIter", 8, "regParam", 0.05, "alpha", 5.0);

    private final ComponentDescriptor descriptor = ComponentDescriptor.builder(ID)
            .category(Category.RECOMMENDATION)
            .title("ALS collaborative filtering", "ALS 协同过滤")
            .description("Learns users' tastes from ratings or from implicit feedback (clicks, purchases, plays) by "
                            + "alternating least squares: latent factors for every user and item whose dot product "
                            + "predicts the rating. Users and items may be text or whole numbers. Applying the model "
                            + "adds the predicted rating of each (user, item) row; recommend-top-k ranks items for "
                            + "users.",
                    "用交替最小二乘法从评分或隐式反馈（点击、购买、播放）中学习用户偏好：为每个用户和物品学习隐因子，其点积即预测评分。用户和物品"
                            + "可以是文本或整数。应用模型会为每个（用户，物品）行追加预测评分；“Top-K 推荐”为用户排出推荐物品。")
            .keywords("als", "alternating least squares", "collaborative filtering", "recommendation",
                    "recommender", "matrix factorization", "implicit feedback", "ratings", "协同过滤", "推荐",
                    "矩阵分解", "隐式反馈", "评分")
            .inputs(IN)
            .outputs(MODEL)
            .params(USER_COLUMN, ITEM_COLUMN, RATING_COLUMN, IMPLICIT_PREFS, ALPHA, RANK, MAX_ITER, REG_PARAM,
                    NONNEGATIVE, COLD_START, USER_BLOCKS, ITEM_BLOCKS, SEED)
            .examples(Example.of("Bills a member would support, from 80% of the yea votes (implicit feedback)",
                            "从 80% 的赞成票中学习议员会支持的议案（隐式反馈）", VOTE_EXAMPLE)
                    .input(IN, ExampleData.train("vote_yeas")))
            .build();

    /** The example model, for the examples of the components that use one: bills from members' yea votes. */
    public static Example.Upstream voteModel() {
        return ExampleData.model(ID, VOTE_EXAMPLE, ExampleData.train("vote_yeas"));
    }

    @Override
    public ComponentDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ctx.output(MODEL, train(ctx.spark(), ctx.table(IN), ctx.params()));
    }

    private ModelData train(SparkSession spark, TableData in, BoundParams params) {
        ColumnSpec user = params.column(USER_COLUMN);
        ColumnSpec item = params.column(ITEM_COLUMN);
        ColumnSpec rating = params.column(RATING_COLUMN);
        boolean implicit = params.get(IMPLICIT_PREFS);
        refuseUnusable(user, item, rating, implicit);
        Dataset<Row> ratings = ratings(in.rows(), user, item, rating).persist();
        try {
            long count = ratings.count();
            if (count == 0) {
                throw new IllegalArgumentException(ID + ": input 'in' has no row with a user, an item"
                        + (rating == null ? "" : " and a rating") + "; check the columns");
            }
            StringIndexerModel users = index(ratings, user, USER_INDEX);
            StringIndexerModel items = index(ratings, item, ITEM_INDEX);
            Dataset<Row> indexed = items.transform(users.transform(ratings));
            ALSModel factors = estimator(params, ratings).fit(indexed);
            Transformer coldStart = coldStart(params.get(COLD_START));
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("users", users.labelsArray()[0].length);
            metrics.put("items", items.labelsArray()[0].length);
            metrics.put("ratings", count);
            metrics.put("rank", factors.rank());
            metrics.put("implicitPrefs", implicit);
            if (!implicit) {
                metrics.put("trainingRmse", trainingRmse(coldStart.transform(factors.transform(indexed))));
            }
            ModelSpec spec = new ModelSpec(ID, null, List.of(user, item), List.of(ColumnSpec.of(ModelData.PREDICTION,
                    DataType.DOUBLE)));
            RatedPairs rated = new RatedPairs(ratings.select(Columns.named(user), Columns.named(item)).distinct());
            PipelineModel pipeline = new PipelineModel(UUID.randomUUID().toString(),
                    new Transformer[] {users, items, factors, coldStart, rated});
            return new ModelData(spec, in.lineage(), pipeline, List.of(), metrics, List.of(),
                    new LearnerRetraining(descriptor, IN, params.userSet(), this::train));
        } finally {
            ratings.unpersist();
        }
    }

    private static void refuseUnusable(ColumnSpec user, ColumnSpec item, ColumnSpec rating, boolean implicit) {
        if (rating == null && !implicit) {
            throw new IllegalArgumentException(ID + ": without 'ratingColumn' each row is one interaction and there "
                    + "is no rating to learn; turn on 'implicitPrefs', or pick the column with the ratings");
        }
        for (ColumnSpec key : List.of(user, item)) {
            if (key.name().equals(ModelData.PREDICTION) || key.name().startsWith(ModelData.INTERNAL_PREFIX)) {
                throw new IllegalArgumentException(ID + ": column '" + key.name() + "' has a name the model's "
                        + "output uses; rename it first");
            }
        }
    }

    /** The usable rows as (user, item, rating); without a rating column, each pair's number of rows. */
    private static Dataset<Row> ratings(Dataset<Row> rows, ColumnSpec user, ColumnSpec item, ColumnSpec rating) {
        Dataset<Row> keyed = rows.filter(Columns.named(user).isNotNull().and(Columns.named(item).isNotNull()));
        if (rating == null) {
            return keyed.groupBy(Columns.named(user), Columns.named(item))
                    .agg(count(lit(1)).cast("double").as(RATING));
        }
        Column value = Columns.named(rating).cast("double");
        return keyed.select(Columns.named(user), Columns.named(item), value.as(RATING))
                .filter(col(RATING).isNotNull().and(not(isnan(col(RATING)))));
    }

    /** Ids to consecutive indices, as ALS needs; ids it has not seen go to an extra index, which has no factors. */
    private static StringIndexerModel index(Dataset<Row> ratings, ColumnSpec ids, String indexColumn) {
        return new StringIndexer().setInputCol(ids.name()).setOutputCol(indexColumn).setHandleInvalid("keep")
                .setStringOrderType("alphabetAsc").fit(ratings);
    }

    private static ALS estimator(BoundParams params, Dataset<Row> ratings) {
        return new ALS().setUserCol(USER_INDEX).setItemCol(ITEM_INDEX).setRatingCol(RATING)
                .setPredictionCol(FACTOR_PREDICTION)
                .setRank(params.get(RANK))
                .setMaxIter(params.get(MAX_ITER))
                .setRegParam(params.get(REG_PARAM))
                .setImplicitPrefs(params.get(IMPLICIT_PREFS))
                .setAlpha(params.get(ALPHA))
                .setNonnegative(params.get(NONNEGATIVE))
                .setNumUserBlocks(blocks(params.get(USER_BLOCKS), ratings))
                .setNumItemBlocks(blocks(params.get(ITEM_BLOCKS), ratings))
                .setSeed(params.get(SEED))
                .setColdStartStrategy("nan");
    }

    /** A blocks param: blank chooses by the data, as Spark's RDD-based ALS does. */
    private static Param<Integer> blocks(String name, Text title, Text what) {
        return Param.integer(name, title)
                .description(Text.of("How many parts the " + what.en() + " are split into to be solved in parallel; "
                                + "blank: as many as Spark runs tasks at once, or half the data's partitions if more.",
                        what.zh() + "被拆分成多少块以并行求解；留空则取 Spark 可同时运行的任务数，或数据分区数的一半（取较大者）。"))
                .range(1, null)
                .advanced();
    }

    private static int blocks(Integer set, Dataset<Row> ratings) {
        if (set != null) {
            return set;
        }
        int parallelism = ratings.sparkSession().sparkContext().defaultParallelism();
        return Math.max(parallelism, ratings.rdd().getNumPartitions() / 2);
    }

    /**
     * The factors' prediction as a double {@value ModelData#PREDICTION}: for an unknown user or item Spark gives NaN,
     * which becomes a missing value or drops the row.
     */
    private static Transformer coldStart(String strategy) {
        String prediction = "CAST(" + FACTOR_PREDICTION + " AS DOUBLE)";
        String statement = "drop".equals(strategy)
                ? "SELECT *, " + prediction + " AS " + ModelData.PREDICTION + " FROM __THIS__ WHERE NOT isnan("
                        + FACTOR_PREDICTION + ")"
                : "SELECT *, CASE WHEN isnan(" + FACTOR_PREDICTION + ") THEN NULL ELSE " + prediction + " END AS "
                        + ModelData.PREDICTION + " FROM __THIS__";
        return new SQLTransformer().setStatement(statement);
    }

    private static double trainingRmse(Dataset<Row> predicted) {
        return predicted.agg(sqrt(avg(pow(col(ModelData.PREDICTION).minus(col(RATING)), 2)))).first().getDouble(0);
    }
}
