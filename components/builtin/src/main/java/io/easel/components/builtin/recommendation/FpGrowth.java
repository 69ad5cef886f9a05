package io.easel.components.builtin.recommendation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

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
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.learn.LearnerRetraining;
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
import org.apache.spark.ml.fpm.FPGrowth;
import org.apache.spark.ml.fpm.FPGrowthModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Frequent itemsets and association rules by FP-growth (Spark's {@code FPGrowth}, Li et al.'s parallel FP-growth):
 * which items occur together in at least a share of the transactions, and rules "who has these also has that" with
 * their confidence and lift. Transactions come as analysts keep them: one row per transaction with its items in a
 * text column, or a long table of transaction ids and items. The model recommends, for each basket, what the rules
 * add to it; Spark's FP-growth has no PMML form, so it is not deployable.
 */
public final class FpGrowth implements SparkComponent {

    static final String ID = "fp-growth";

    /** What applying the model adds: the items the rules recommend, as text. */
    public static final String RECOMMENDED_ITEMS = "recommendedItems";

    private static final String BASKET = ModelData.INTERNAL_PREFIX + "basket";
    private static final DataType[] ID_TYPES = {DataType.STRING, DataType.INTEGER, DataType.LONG};

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Transactions", "交易数据"));

    public static final Param<String> FORMAT = Param.choice("format", Text.of("Transactions are", "交易数据格式"),
                    Param.option("text", Text.of("One row each, items in a text column", "每行一笔交易，商品在一个文本列中")),
                    Param.option("long", Text.of("One row per item, with a transaction id", "每行一个商品，带交易编号")))
            .description(Text.of("A text column such as 'bread, milk' per transaction, or a long table with a "
                            + "transaction id column and an item column (order lines, events).",
                    "每笔交易一行且商品写在文本列中（如“面包, 牛奶”），或长表：一列交易编号、一列商品（订单明细、事件）。"))
            .defaultValue("text")
            .required();

    public static final Param<String> ITEMS_COLUMN = Param.column("itemsColumn", Text.of("Items column", "商品列"),
                    IN, DataType.STRING)
            .description(Text.of("Each transaction's items, separated by the item separator; repeated items count "
                            + "once, and a row without items is left out.",
                    "每笔交易的商品，以商品分隔符分隔；重复的商品只算一次，没有商品的行会被忽略。"))
            .visibleWhen(FORMAT, "text")
            .required();

    public static final Param<String> TRANSACTION_COLUMN = Param.column("transactionColumn",
                    Text.of("Transaction id column", "交易编号列"), IN, ID_TYPES)
            .description(Text.of("The rows with the same id make up one transaction.", "编号相同的行构成一笔交易。"))
            .visibleWhen(FORMAT, "long")
            .required();

    public static final Param<String> ITEM_COLUMN = Param.column("itemColumn", Text.of("Item column", "商品列"), IN,
                    ID_TYPES)
            .description(Text.of("One item of the transaction; rows without an item or a transaction id are left "
                            + "out.",
                    "交易中的一个商品；缺少商品或交易编号的行会被忽略。"))
            .excluding(TRANSACTION_COLUMN)
            .visibleWhen(FORMAT, "long")
            .required();

    static final ItemLists.Separator SEPARATOR = ItemLists.Separator.declare("separator",
            Text.of("Item separator", "商品分隔符"),
            Text.of("Separates the items in the items column, and in the itemsets, rules and recommendations "
                            + "written out.",
                    "分隔商品列中的商品，也用于输出的频繁项集、关联规则和推荐结果。"),
            "comma");

    public static final Param<Double> MIN_SUPPORT = ItemLists.minSupport(Text.of("An itemset is frequent when at "
                    + "least this share of the transactions holds it; lower values find rarer itemsets but take "
                    + "longer.",
            "至少出现在这一比例的交易中的项集才算频繁项集；值越低发现的项集越罕见，但耗时越长。"));

    public static final Param<Double> MIN_CONFIDENCE = Param.decimal("minConfidence",
                    Text.of("Minimum confidence", "最小置信度"))
            .description(Text.of("A rule is kept when at least this share of the transactions holding its "
                            + "antecedent also hold its consequent.",
                    "包含规则前项的交易中，至少有这一比例同时包含后项，规则才会保留。"))
            .defaultValue(0.8)
            .range(0, 1)
            .required();

    public static final Param<Integer> NUM_PARTITIONS = Param.integer("numPartitions",
                    Text.of("Partitions", "分区数"))
            .description(Text.of("How many parts the mining is split into; blank: as many as the input has.",
                    "挖掘任务拆分的份数；留空则与输入的分区数相同。"))
            .range(1, null)
            .advanced();

    static final TableSpec ITEMSETS_SPEC = TableSpec.parse("items:string,size:integer,frequency:long,support:double");
    static final TableSpec RULES_SPEC = TableSpec.parse(
            "antecedent:string,consequent:string,confidence:double,lift:double,support:double");

    public static final Port ITEMSETS = Port.output("itemsets", PortType.TABLE,
            Text.of("Frequent itemsets", "频繁项集"), SchemaRule.fixed(ITEMSETS_SPEC));
    public static final Port RULES = Port.output("rules", PortType.TABLE, Text.of("Association rules", "关联规则"),
            SchemaRule.fixed(RULES_SPEC));
    public static final Port MODEL = Port.output("model", PortType.MODEL, Text.of("Rules model", "规则模型"),
                    new SchemaRule.TrainedModel(IN.name(), null, List.of(ITEMS_COLUMN.name(),
                            TRANSACTION_COLUMN.name(), ITEM_COLUMN.name()), List.of(
                            new SchemaRule.TrainedModel.ModelOutput(RECOMMENDED_ITEMS, DataType.STRING))))
            .withoutPmml();

    private final ComponentDescriptor descriptor = ComponentDescriptor.builder(ID)
            .category(Category.RECOMMENDATION)
            .title("FP-growth association rules", "FP-growth 关联规则")
            .description("Finds the itemsets that occur together in at least a share of the transactions (frequent "
                            + "itemsets, with their frequency and support) and the association rules between them "
                            + "(antecedent ⇒ one consequent item, with confidence, lift and support). Transactions are "
                            + "a text column of items or a long table of transaction ids and items. Applying the model "
                            + "adds the items the rules recommend for each basket.",
                    "找出至少出现在一定比例交易中的商品组合（频繁项集，含频次和支持度），以及它们之间的关联规则（前项 ⇒ 单个后项，含置信度、"
                            + "提升度和支持度）。交易数据可以是商品文本列，也可以是交易编号与商品组成的长表。应用模型会为每个购物篮追加规则推荐的商品。")
            .keywords("fp-growth", "fpgrowth", "association rules", "frequent itemsets", "market basket",
                    "apriori", "cross-sell", "关联规则", "频繁项集", "购物篮分析", "关联分析")
            .inputs(IN)
            .outputs(ITEMSETS, RULES, MODEL)
            .params(FORMAT, ITEMS_COLUMN, TRANSACTION_COLUMN, ITEM_COLUMN, SEPARATOR.choice(), SEPARATOR.other(),
                    MIN_SUPPORT, MIN_CONFIDENCE, NUM_PARTITIONS)
            .examples(Example.of("Bills that members support together (each member's yea votes as a basket)",
                            "议员共同支持的议案（每位议员的赞成票作为一个购物篮）",
                            Map.of("format", "long", "transactionColumn", "member", "itemColumn", "bill",
                                    "minSupport", 0.3, "minConfidence", 0.9))
                            .input(IN, ExampleData.dataset("vote_yeas")),
                    Example.of("Words that occur together in WordNet's glosses", "WordNet 释义中共同出现的词",
                            Map.of("itemsColumn", "gloss", "separator", "space", "minSupport", 0.03,
                                    "minConfidence", 0.5))
                            .input(IN, ExampleData.dataset("wordnet_glosses")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ModelData model = train(ctx.spark(), ctx.table(IN), ctx.params());
        FPGrowthModel fitted = rulesOf(model);
        long transactions = ((Number) model.metrics().get("transactions")).longValue();
        String separator = SEPARATOR.of(ctx.params());
        Dataset<Row> itemsets = fitted.freqItemsets()
                .select(ItemLists.sortedText(col("items"), separator).as("items"),
                        size(col("items")).as("size"),
                        col("freq").as("frequency"),
                        col("freq").divide(lit((double) transactions)).as("support"))
                .orderBy(col("frequency").desc(), col("size").desc(), col("items"));
        Dataset<Row> rules = fitted.associationRules()
                .select(ItemLists.sortedText(col("antecedent"), separator).as("antecedent"),
                        ItemLists.sortedText(col("consequent"), separator).as("consequent"),
                        col("confidence"), col("lift"), col("support"))
                .orderBy(col("confidence").desc(), col("lift").desc(), col("support").desc(), col("antecedent"),
                        col("consequent"));
        ctx.output(ITEMSETS, TableData.source(itemsets.localCheckpoint()));
        ctx.output(RULES, TableData.source(rules.localCheckpoint()));
        ctx.output(MODEL, model);
    }

    private ModelData train(SparkSession spark, TableData in, BoundParams params) {
        Baskets baskets = baskets(params);
        Dataset<Row> transactions = baskets.perTransaction(in.rows(), BASKET).persist();
        try {
            long count = transactions.count();
            if (count == 0) {
                throw new IllegalArgumentException(ID + ": input 'in' has no transaction with an item in "
                        + baskets.columns() + "; check the columns and the item separator");
            }
            FPGrowth miner = new FPGrowth().setItemsCol(BASKET)
                    .setMinSupport(params.get(MIN_SUPPORT))
                    .setMinConfidence(params.get(MIN_CONFIDENCE));
            if (params.get(NUM_PARTITIONS) != null) {
                miner.setNumPartitions(params.get(NUM_PARTITIONS));
            }
            FPGrowthModel fitted = miner.fit(transactions);
            // Spark mines again whenever the itemsets are read; keep them, since the tables and every application
            // of the model read them
            fitted.freqItemsets().persist(StorageLevel.MEMORY_AND_DISK());
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("transactions", count);
            metrics.put("itemsets", fitted.freqItemsets().count());
            metrics.put("rules", fitted.associationRules().count());
            metrics.put("minSupport", params.get(MIN_SUPPORT));
            metrics.put("minConfidence", params.get(MIN_CONFIDENCE));
            ModelSpec spec = new ModelSpec(ID, null, basketColumns(params), List.of(ColumnSpec.of(RECOMMENDED_ITEMS,
                    DataType.STRING)));
            Transformer recommender = new BasketRecommender(fitted, baskets, SEPARATOR.of(params),
                    RECOMMENDED_ITEMS);
            return new ModelData(spec, in.lineage(), new PipelineModel(UUID.randomUUID().toString(),
                    new Transformer[] {recommender}), List.of(), metrics, List.of(),
                    new LearnerRetraining(descriptor, IN, params.userSet(), this::train));
        } finally {
            transactions.unpersist();
        }
    }

    private static Baskets baskets(BoundParams params) {
        List<ColumnSpec> columns = basketColumns(params);
        return columns.size() == 2 ? Baskets.longTable(columns.get(0).name(), columns.get(1).name())
                : Baskets.text(columns.getFirst().name(), SEPARATOR.of(params));
    }

    /** The transaction id and item columns of a long table, or the items column. */
    private static List<ColumnSpec> basketColumns(BoundParams params) {
        return "long".equals(params.get(FORMAT))
                ? List.of(params.column(TRANSACTION_COLUMN), params.column(ITEM_COLUMN))
                : List.of(params.column(ITEMS_COLUMN));
    }

    private static FPGrowthModel rulesOf(ModelData model) {
        return model.stage(BasketRecommender.class).orElseThrow().rules();
    }
}
