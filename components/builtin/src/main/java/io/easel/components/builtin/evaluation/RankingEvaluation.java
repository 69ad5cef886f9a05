package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

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
import io.easel.component.Text;
import io.easel.components.builtin.recommendation.AlsRecommender;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.evaluation.RankingMetrics;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * How well ranked recommendations find the items each user really has (Spark's {@code RankingMetrics}): precision,
 * recall and NDCG among the first k recommendations, and mean average precision. Every user of the ground truth is
 * evaluated, one without recommendations scoring 0; users with recommendations but no relevant item are left out,
 * since there is nothing to find for them. Users and items are compared as text, so ids may be numbers on one side
 * and text on the other.
 */
public final class RankingEvaluation implements SparkComponent {

    static final String ID = "ranking-evaluation";
    static final String KIND = "ranking";

    private static final String USER = "user";
    private static final String PREDICTED = "predicted";
    private static final String RELEVANT = "relevant";
    private static final DataType[] ID_TYPES = {DataType.STRING, DataType.INTEGER, DataType.LONG};
    private static final DataType[] NUMBERS = {DataType.INTEGER, DataType.LONG, DataType.DOUBLE};

    /** What the report holds, in the order it shows it. */
    public static final ReportSpec SPEC = ReportSpec.builder(KIND)
            .headline("precisionAtK", "Precision@k", "前 k 个的精确率")
            .headline("recallAtK", "Recall@k", "前 k 个的召回率")
            .headline("ndcgAtK", "NDCG@k", "前 k 个的 NDCG")
            .headline("map", "MAP", "平均精度均值（MAP）")
            .metric("mapAtK", "MAP@k", "前 k 个的平均精度均值")
            .metric("k", "k", "k 值")
            .metric("users", "Users evaluated", "参与评估的用户数")
            .metric("usersWithRecommendations", "Users with recommendations", "有推荐的用户数")
            .chart("precision", ReportSpec.ChartKind.CURVE, Text.of("Precision at 1 … k", "前 1 … k 个的精确率"),
                    Text.of("Recommendations considered", "考虑的推荐数"), Text.of("Precision", "精确率"))
            .chart("recall", ReportSpec.ChartKind.CURVE, Text.of("Recall at 1 … k", "前 1 … k 个的召回率"),
                    Text.of("Recommendations considered", "考虑的推荐数"), Text.of("Recall", "召回率"))
            .chart("ndcg", ReportSpec.ChartKind.CURVE, Text.of("NDCG at 1 … k", "前 1 … k 个的 NDCG"),
                    Text.of("Recommendations considered", "考虑的推荐数"), Text.of("NDCG", "NDCG"))
            .build();

    public static final Port RECOMMENDATIONS = Port.input("recommendations", PortType.TABLE,
            Text.of("Recommendations", "推荐结果"));
    public static final Port TRUTH = Port.input("truth", PortType.TABLE, Text.of("Relevant items", "真实相关物品"));

    public static final Param<String> USER_COLUMN = Param.column("userColumn", Text.of("User column", "用户列"),
                    RECOMMENDATIONS, ID_TYPES)
            .description(Text.of("Whom each recommendation is for.", "每条推荐面向的用户。"))
            .required();

    public static final Param<String> ITEM_COLUMN = Param.column("itemColumn", Text.of("Item column", "物品列"),
                    RECOMMENDATIONS, ID_TYPES)
            .description(Text.of("The recommended item.", "推荐的物品。"))
            .excluding(USER_COLUMN)
            .required();

    public static final Param<String> ORDER_BY = Param.choice("orderBy", Text.of("Order by", "排序依据"),
                    Param.option("rank", Text.of("A rank (1 is best)", "名次（1 为最好）")),
                    Param.option("score", Text.of("A score (highest is best)", "得分（越高越好）")))
            .description(Text.of("How each user's recommendations are put in order; ties go by item.",
                    "每个用户的推荐如何排序；相同时按物品排序。"))
            .defaultValue("rank")
            .required();

    public static final Param<String> RANK_COLUMN = Param.column("rankColumn", Text.of("Rank column", "名次列"),
                    RECOMMENDATIONS, NUMBERS)
            .description(Text.of("The position of the recommendation in the user's list, 1 first.",
                    "推荐在该用户列表中的位置，1 为第一。"))
            .defaultValue("rank")
            .visibleWhen(ORDER_BY, "rank")
            .required();

    public static final Param<String> SCORE_COLUMN = Param.column("scoreColumn", Text.of("Score column", "得分列"),
                    RECOMMENDATIONS, NUMBERS)
            .description(Text.of("How strongly the item is recommended; the highest comes first.",
                    "推荐的强度；得分最高的排在最前。"))
            .defaultValue("score")
            .visibleWhen(ORDER_BY, "score")
            .required();

    public static final Param<String> TRUTH_USER_COLUMN = Param.column("truthUserColumn",
                    Text.of("Relevant items: user column", "真实物品：用户列"), TRUTH, ID_TYPES)
            .description(Text.of("The user column of the relevant items; blank: the column named as the "
                            + "recommendations' user column.",
                    "真实相关物品表中的用户列；留空则使用与推荐结果用户列同名的列。"));

    public static final Param<String> TRUTH_ITEM_COLUMN = Param.column("truthItemColumn",
                    Text.of("Relevant items: item column", "真实物品：物品列"), TRUTH, ID_TYPES)
            .description(Text.of("The item column of the relevant items; blank: the column named as the "
                            + "recommendations' item column.",
                    "真实相关物品表中的物品列；留空则使用与推荐结果物品列同名的列。"))
            .excluding(TRUTH_USER_COLUMN);

    public static final Param<Integer> K = Param.integer("k", Text.of("Cut-off (k)", "截断位置（k）"))
            .description(Text.of("How many of each user's first recommendations precision, recall, NDCG and MAP@k "
                            + "look at; the curves show every cut-off from 1 to k.",
                    "精确率、召回率、NDCG 和 MAP@k 考察每个用户的前多少条推荐；曲线给出从 1 到 k 的每个截断位置。"))
            .defaultValue(10)
            .range(1, 100)
            .required();

    public static final Port REPORT = Port.output("report", PortType.REPORT,
            Text.of("Evaluation report", "评估报告"), SchemaRule.fixed(SPEC));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.EVALUATION)
            .title("Ranking evaluation", "排序评估")
            .description("Compares ranked recommendations with the items each user really has (held-back "
                            + "purchases, ratings, clicks): precision@k, recall@k, NDCG@k, MAP@k and MAP, with "
                            + "precision, recall and NDCG at every cut-off from 1 to k.",
                    "将排序后的推荐与每个用户真实拥有的物品（留出的购买、评分、点击）比较：前 k 个的精确率、召回率、NDCG、MAP@k 以及 MAP，"
                            + "并给出从 1 到 k 每个截断位置的精确率、召回率和 NDCG。")
            .keywords("evaluate", "ranking", "recommendation", "precision at k", "recall at k", "ndcg", "map",
                    "mean average precision", "评估", "排序", "推荐评估", "精确率", "召回率")
            .inputs(RECOMMENDATIONS, TRUTH)
            .outputs(REPORT)
            .params(USER_COLUMN, ITEM_COLUMN, ORDER_BY, RANK_COLUMN, SCORE_COLUMN, TRUTH_USER_COLUMN,
                    TRUTH_ITEM_COLUMN, K)
            .examples(new Example(Text.of("Five bills for each member, against their held-back yea votes",
                            "为每位议员推荐五个议案，与留出的赞成票比较"),
                    Map.of("userColumn", "member", "itemColumn", "bill", "k", 5),
                    Map.of(RECOMMENDATIONS.name(), Example.Upstream.of("recommend-top-k", Map.of("k", 5), "out")
                                    .from("model", AlsRecommender.voteModel()),
                            TRUTH.name(), ExampleData.test("vote_yeas"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        int k = ctx.param(K);
        ColumnSpec user = ctx.column(USER_COLUMN);
        ColumnSpec item = ctx.column(ITEM_COLUMN);
        Dataset<Row> truth = ctx.table(TRUTH).rows();
        String truthUser = truthColumn(truth, ctx.column(TRUTH_USER_COLUMN), user, TRUTH_USER_COLUMN);
        String truthItem = truthColumn(truth, ctx.column(TRUTH_ITEM_COLUMN), item, TRUTH_ITEM_COLUMN);
        Column order = "rank".equals(ctx.param(ORDER_BY)) ? quoted(ctx.column(RANK_COLUMN).name())
                : negate(quoted(ctx.column(SCORE_COLUMN).name()));
        Dataset<Row> predicted = rankedLists(ctx.table(RECOMMENDATIONS).rows(), user.name(), item.name(), order);
        Dataset<Row> relevant = truth.filter(quoted(truthUser).isNotNull().and(quoted(truthItem).isNotNull()))
                .groupBy(quoted(truthUser).cast("string").as(USER))
                .agg(collect_set(quoted(truthItem).cast("string")).as(RELEVANT));
        Dataset<Row> pairs = relevant.join(predicted, new String[] {USER}, "left")
                .select(coalesce(col(PREDICTED), array().cast("array<string>")).as(PREDICTED), col(RELEVANT))
                .persist();
        JavaRDD<Tuple2<List<String>, List<String>>> lists = null;
        try {
            Row counts = pairs.agg(count(col(RELEVANT)), count_if(size(col(PREDICTED)).gt(0))).first();
            long users = counts.getLong(0);
            long withRecommendations = counts.getLong(1);
            refuseNothingToCompare(users, withRecommendations, user.name(), truthUser);
            lists = asTuples(pairs).cache(); // read once per cut-off and metric
            RankingMetrics<Object> metrics = RankingMetrics.of(lists);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("precisionAtK", metrics.precisionAt(k));
            values.put("recallAtK", metrics.recallAt(k));
            values.put("ndcgAtK", metrics.ndcgAt(k));
            values.put("map", metrics.meanAveragePrecision());
            values.put("mapAtK", metrics.meanAveragePrecisionAt(k));
            values.put("k", k);
            values.put("users", users);
            values.put("usersWithRecommendations", withRecommendations);
            Map<String, Object> charts = new LinkedHashMap<>();
            charts.put("precision", curve(k, metrics::precisionAt));
            charts.put("recall", curve(k, metrics::recallAt));
            charts.put("ndcg", curve(k, metrics::ndcgAt));
            ctx.output(REPORT, new ReportData(KIND, values, charts));
        } finally {
            pairs.unpersist();
            if (lists != null) {
                lists.unpersist();
            }
        }
    }

    /** Each user's recommended items in order, best first, each item once. */
    private static Dataset<Row> rankedLists(Dataset<Row> recommendations, String user, String item, Column order) {
        Column entry = struct(order.cast("double").as("order"), quoted(item).cast("string").as("item"));
        return recommendations
                .filter(quoted(user).isNotNull().and(quoted(item).isNotNull()).and(order.isNotNull()))
                .groupBy(quoted(user).cast("string").as(USER))
                .agg(sort_array(collect_list(entry)).as("entries"))
                .select(col(USER), array_distinct(transform(col("entries"), e -> e.getField("item")))
                        .as(PREDICTED));
    }

    /** The truth's column named by its param, else the one named as the recommendations' column. */
    private static String truthColumn(Dataset<Row> truth, ColumnSpec picked, ColumnSpec same, Param<String> param) {
        if (picked != null) {
            return picked.name();
        }
        if (!Arrays.asList(truth.columns()).contains(same.name())) {
            throw new IllegalArgumentException(ID + ": input 'truth' has no column '" + same.name() + "' like the "
                    + "recommendations; pick its column in '" + param.name() + "'");
        }
        return same.name();
    }

    private static void refuseNothingToCompare(long users, long withRecommendations, String user, String truthUser) {
        if (users == 0) {
            throw new IllegalArgumentException(ID + ": input 'truth' has no row with both a user and an item");
        }
        if (withRecommendations == 0) {
            throw new IllegalArgumentException(ID + ": none of the " + users + " users of input 'truth' has a "
                    + "recommendation; check that column '" + user + "' of the recommendations and column '"
                    + truthUser + "' of the truth hold the same ids");
        }
    }

    private static JavaRDD<Tuple2<List<String>, List<String>>> asTuples(Dataset<Row> pairs) {
        return pairs.javaRDD().map(row -> new Tuple2<>(new ArrayList<>(row.<String>getList(0)),
                new ArrayList<>(row.<String>getList(1))));
    }

    /** {@code [[1, m(1)], …, [k, m(k)]]}. */
    private static List<List<Number>> curve(int k, IntToDoubleFunction metric) {
        List<List<Number>> points = new ArrayList<>();
        for (int at = 1; at <= k; at++) {
            points.add(List.of(at, metric.applyAsDouble(at)));
        }
        return points;
    }

    private static Column quoted(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }
}
