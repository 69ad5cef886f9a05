package io.easel.components.builtin.recommendation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The k best items for each user of an ALS model (or the k most likely users for each item), by predicted rating,
 * for all users or for those of a table. What a user already rated in the training data is left out unless asked
 * otherwise, since recommending it again tells the user nothing. Rows name users and items by their original ids.
 */
public final class RecommendTopK implements SparkComponent {

    static final String ID = "recommend-top-k";

    public static final String SCORE = "score";
    public static final String RANK = "rank";

    private static final String RECOMMENDATION = "recommendation";

    public static final Port MODEL = Port.input("model", PortType.MODEL, Text.of("Recommender", "推荐模型"));
    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Users or items", "用户或物品"))
            .asOptional();

    public static final Param<String> DIRECTION = Param.choice("direction", Text.of("Recommend", "推荐方向"),
                    Param.option("items", Text.of("Items for each user", "为每个用户推荐物品")),
                    Param.option("users", Text.of("Users for each item", "为每个物品推荐用户")))
            .description(Text.of("Items for users (what to show each customer), or users for items (whom to offer "
                            + "each product).",
                    "为用户推荐物品（给每位顾客展示什么），或为物品推荐用户（把每件商品推荐给谁）。"))
            .defaultValue("items")
            .required();

    public static final Param<Integer> K = Param.integer("k", Text.of("Recommendations each (k)", "每个推荐数（k）"))
            .description(Text.of("How many items each user gets (or users each item), best first.",
                    "每个用户获得的物品数（或每个物品获得的用户数），按得分从高到低。"))
            .defaultValue(10)
            .range(1, 1000)
            .required();

    public static final Param<Boolean> EXCLUDE_RATED = Param.bool("excludeRated",
                    Text.of("Leave out what was rated", "排除已评分的"))
            .description(Text.of("Leave out the items a user already rated in the model's training data (for users "
                            + "for items: the users who already rated the item).",
                    "排除用户在模型训练数据中已评分的物品（为物品推荐用户时：排除已对该物品评分的用户）。"))
            .defaultValue(true);

    public static final Param<String> ID_COLUMN = Param.column("idColumn", Text.of("Id column", "标识列"), IN,
                    DataType.STRING, DataType.INTEGER, DataType.LONG)
            .description(Text.of("With a table connected: its column of users (or items) to recommend for. Blank: "
                            + "the column named as the model's user (or item) column. Ids the model was not trained "
                            + "on get no recommendations.",
                    "连接数据表时：其中要推荐的用户（或物品）所在的列。留空则使用与模型用户列（或物品列）同名的列。模型训练时未见过的标识没有推荐。"));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Recommendations", "推荐结果"),
            SchemaRule.newTable().appendModelFeatures(MODEL.name())
                    .add(ColumnOp.Name.of(SCORE), ColumnOp.Type.of(DataType.DOUBLE))
                    .add(ColumnOp.Name.of(RANK), ColumnOp.Type.of(DataType.INTEGER)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.RECOMMENDATION)
            .title("Recommend top k", "Top-K 推荐")
            .description("Ranks the k best items for each user of an ALS model by predicted rating (or the k users "
                            + "most likely to want each item), for every user or for those of a connected table. "
                            + "Outputs one row per recommendation: user, item, score and rank (1 is best). What a "
                            + "user already rated is left out unless asked otherwise.",
                    "按预测评分为 ALS 模型的每个用户排出最好的 k 个物品（或为每个物品找出最可能需要它的 k 个用户），可针对所有用户，也可只针对所连"
                            + "数据表中的用户。每条推荐输出一行：用户、物品、得分和名次（1 为最好）。默认排除用户已评分的物品。")
            .keywords("recommend", "top k", "recommendations", "als", "personalization", "next best offer", "推荐",
                    "个性化", "推荐列表")
            .inputs(MODEL, IN)
            .outputs(OUT)
            .params(DIRECTION, K, EXCLUDE_RATED, ID_COLUMN)
            .examples(new Example(Text.of("Five more bills each member would support", "为每位议员推荐另外五个会支持的议案"),
                    Map.of("k", 5), Map.of(MODEL.name(), AlsRecommender.voteModel())))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        AlsParts als = AlsParts.of(ID, ctx.model(MODEL));
        refuseOutputNames(als);
        boolean itemsForUsers = "items".equals(ctx.param(DIRECTION));
        Side subject = itemsForUsers ? Side.users(als) : Side.items(als);
        Side other = itemsForUsers ? Side.items(als) : Side.users(als);
        int k = ctx.param(K);
        boolean excludeRated = ctx.param(EXCLUDE_RATED);
        // asking for as many more as anyone has rated leaves k after the rated ones are taken out
        int asked = k + (excludeRated ? mostRated(als, subject) : 0);
        TableData in = ctx.table(IN);
        Dataset<Row> lists;
        if (in == null) {
            lists = itemsForUsers ? als.factors().recommendForAllUsers(asked)
                    : als.factors().recommendForAllItems(asked);
        } else {
            Dataset<Row> known = knownIds(in, ctx.column(ID_COLUMN), subject);
            lists = itemsForUsers ? als.factors().recommendForUserSubset(known, asked)
                    : als.factors().recommendForItemSubset(known, asked);
        }
        Dataset<Row> scored = lists.select(col(subject.indexColumn()), explode(col("recommendations"))
                        .as(RECOMMENDATION))
                .select(col(subject.indexColumn()),
                        col(RECOMMENDATION + "." + other.indexColumn()).as(other.indexColumn()),
                        col(RECOMMENDATION + ".rating").cast("double").as(SCORE));
        Dataset<Row> named = other.named(subject.named(scored));
        if (excludeRated) {
            named = named.join(als.rated().pairs(), new String[] {als.user().name(), als.item().name()},
                    "left_anti");
        }
        Column by = subject.column();
        Dataset<Row> ranked = named
                .withColumn(RANK, row_number().over(Window.partitionBy(by).orderBy(col(SCORE).desc(),
                        other.column())))
                .filter(col(RANK).leq(k))
                .select(Columns.named(als.user()), Columns.named(als.item()), col(SCORE), col(RANK))
                .orderBy(by, col(RANK));
        ctx.output(OUT, TableData.source(ranked.localCheckpoint()));
    }

    private static void refuseOutputNames(AlsParts als) {
        for (ColumnSpec key : List.of(als.user(), als.item())) {
            if (key.name().equals(SCORE) || key.name().equals(RANK)) {
                throw new IllegalArgumentException(ID + ": the model's column '" + key.name() + "' has the name of "
                        + "an output column; rename it before training");
            }
        }
    }

    /** The most pairs any one user (or item) was trained on. */
    private static int mostRated(AlsParts als, Side subject) {
        Row most = als.rated().pairs().groupBy(subject.column()).count().agg(max(col("count"))).first();
        return most.isNullAt(0) ? 0 : (int) most.getLong(0);
    }

    /** The distinct ids of the table the model knows, as the index column the factors are kept by. */
    private static Dataset<Row> knownIds(TableData in, ColumnSpec idColumn, Side subject) {
        String ids = idColumn != null ? idColumn.name() : subject.spec().name();
        if (!Arrays.asList(in.rows().columns()).contains(ids)) {
            throw new IllegalArgumentException(ID + ": input 'in' has no column '" + ids + "', the model's "
                    + subject.role() + " column; pick the column with the " + subject.role() + "s in 'idColumn'");
        }
        Dataset<Row> asTrained = in.rows().select(Columns.named(ids).as(subject.spec().name())).distinct();
        int count = AlsParts.ids(subject.index()).length;
        return subject.index().transform(asTrained)
                .filter(col(subject.indexColumn()).lt(count))
                .select(col(subject.indexColumn()).cast("int").as(subject.indexColumn()));
    }

    /**
     * Users or items: their column as trained on, their index, and the index column the factors are kept by.
     *
     * @param role "user" or "item", for messages
     */
    private record Side(String role, ColumnSpec spec, StringIndexerModel index, String indexColumn) {

        static Side users(AlsParts als) {
            return new Side("user", als.user(), als.users(), als.factors().getUserCol());
        }

        static Side items(AlsParts als) {
            return new Side("item", als.item(), als.items(), als.factors().getItemCol());
        }

        Column column() {
            return Columns.named(spec);
        }

        /** The rows with this side's original ids, in its trained column and type, in place of its index column. */
        Dataset<Row> named(Dataset<Row> rows) {
            Dataset<Row> labelled = new IndexToString().setInputCol(indexColumn).setOutputCol(spec.name())
                    .setLabels(AlsParts.ids(index)).transform(rows);
            return labelled.withColumn(spec.name(), Columns.named(spec).cast(SparkTypes.toSpark(spec.type())))
                    .drop(indexColumn);
        }
    }
}
