package io.easel.components.builtin.recommendation;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.transform;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Map;
import org.apache.spark.ml.fpm.PrefixSpan;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Frequent sequential patterns by PrefixSpan (Spark's {@code PrefixSpan}, Pei et al.): the sequences of itemsets
 * that occur, in that order but not necessarily next to each other, in at least a share of the input sequences.
 * Each input sequence is a text such as {@code home > search, cart > checkout}: itemsets (events) separated by one
 * separator, the items of an itemset by another.
 */
public final class PrefixSpanPatterns implements SparkComponent {

    static final String ID = "prefix-span";

    private static final String SEQUENCE = ModelData.INTERNAL_PREFIX + "sequence";

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Sequences", "序列数据"));

    public static final Param<String> SEQUENCE_COLUMN = Param.column("sequenceColumn",
                    Text.of("Sequence column", "序列列"), IN, DataType.STRING)
            .description(Text.of("One sequence per row, such as 'home > search, cart > checkout': itemsets in "
                            + "order, separated by the itemset separator, each of one or more items separated by "
                            + "the item separator. Rows without an item are left out.",
                    "每行一个序列，例如“home > search, cart > checkout”：按顺序排列的项集以项集分隔符分隔，每个项集含一个或多个以"
                            + "项分隔符分隔的项。没有任何项的行会被忽略。"))
            .required();

    static final ItemLists.Separator ITEMSET_SEPARATOR = ItemLists.Separator.declare("itemsetSeparator",
            Text.of("Itemset separator", "项集分隔符"),
            Text.of("Separates the itemsets (the steps) of a sequence, in the input and in the patterns written out.",
                    "分隔序列中的项集（各个步骤），用于输入，也用于输出的模式。"),
            "arrow");

    static final ItemLists.Separator ITEM_SEPARATOR = ItemLists.Separator.declare("itemSeparator",
            Text.of("Item separator", "项分隔符"),
            Text.of("Separates the items that happen together in one itemset; must differ from the itemset "
                            + "separator.",
                    "分隔同一项集中同时发生的各项；必须与项集分隔符不同。"),
            "comma");

    public static final Param<Double> MIN_SUPPORT = ItemLists.minSupport(Text.of("A pattern is frequent when at "
                    + "least this share of the sequences contains it.", "至少出现在这一比例的序列中的模式才算频繁模式。"));

    public static final Param<Integer> MAX_PATTERN_LENGTH = Param.integer("maxPatternLength",
                    Text.of("Longest pattern", "最大模式长度"))
            .description(Text.of("Patterns hold at most this many items, counted over all their itemsets.",
                    "模式最多包含这么多项（所有项集的项数之和）。"))
            .defaultValue(10)
            .range(1, null)
            .required();

    public static final Param<Integer> MAX_LOCAL_PROJECTED_SIZE = Param.integer("maxLocalProjDBSize",
                    Text.of("Largest local projected database", "本地投影数据库上限"))
            .description(Text.of("A projected database with at most this many items is mined on one executor "
                            + "rather than distributed.",
                    "项数不超过此值的投影数据库在单个执行器上挖掘，不再分布式处理。"))
            .defaultValue(32_000_000)
            .range(1, null)
            .advanced();

    static final TableSpec PATTERNS_SPEC = TableSpec.parse("pattern:string,length:integer,frequency:long,"
            + "support:double");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Frequent patterns", "频繁序列模式"),
            SchemaRule.fixed(PATTERNS_SPEC));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.RECOMMENDATION)
            .title("PrefixSpan sequential patterns", "PrefixSpan 序列模式挖掘")
            .description("Finds the patterns that occur in order, not necessarily next to each other, in at least "
                            + "a share of the sequences (click paths, purchase histories, words), with their length, "
                            + "frequency and support. Each sequence is a text of itemsets in order.",
                    "找出按顺序（不必相邻）出现在至少一定比例序列中的模式（点击路径、购买历史、词序列），并给出其长度、频次和支持度。每个序列是"
                            + "按顺序排列的项集文本。")
            .keywords("prefixspan", "sequential patterns", "sequence mining", "click paths", "frequent sequences",
                    "序列模式", "序列挖掘", "点击路径", "频繁序列")
            .inputs(IN)
            .outputs(OUT)
            .params(SEQUENCE_COLUMN, ITEMSET_SEPARATOR.choice(), ITEMSET_SEPARATOR.other(), ITEM_SEPARATOR.choice(),
                    ITEM_SEPARATOR.other(), MIN_SUPPORT, MAX_PATTERN_LENGTH, MAX_LOCAL_PROJECTED_SIZE)
            .examples(Example.of("Word sequences in WordNet's glosses (each word one step)",
                            "WordNet 释义中的词序列（每个词为一步）",
                            Map.of("sequenceColumn", "gloss", "itemsetSeparator", "space", "minSupport", 0.05,
                                    "maxPatternLength", 3))
                    .input(IN, ExampleData.dataset("wordnet_glosses")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String itemsets = ITEMSET_SEPARATOR.of(ctx.params());
        String items = ITEM_SEPARATOR.of(ctx.params());
        if (itemsets.strip().equals(items.strip())) {
            throw new IllegalArgumentException(ID + ": params 'itemsetSeparator' and 'itemSeparator' are both '"
                    + items + "'; pick two different separators");
        }
        String column = ctx.column(SEQUENCE_COLUMN).name();
        Dataset<Row> sequences = ctx.table(IN).rows()
                .select(sequence(Columns.named(column), itemsets, items).as(SEQUENCE))
                .filter(size(col(SEQUENCE)).gt(0))
                .persist();
        try {
            long count = sequences.count();
            if (count == 0) {
                throw new IllegalArgumentException(ID + ": column '" + column + "' holds no sequence with an item");
            }
            Dataset<Row> patterns = new PrefixSpan().setSequenceCol(SEQUENCE)
                    .setMinSupport(ctx.param(MIN_SUPPORT))
                    .setMaxPatternLength(ctx.param(MAX_PATTERN_LENGTH))
                    .setMaxLocalProjDBSize(ctx.param(MAX_LOCAL_PROJECTED_SIZE))
                    .findFrequentSequentialPatterns(sequences)
                    .select(array_join(transform(col("sequence"), itemset -> ItemLists.sortedText(itemset, items)),
                                    ItemLists.written(itemsets)).as("pattern"),
                            size(flatten(col("sequence"))).as("length"),
                            col("freq").as("frequency"),
                            col("freq").divide(lit((double) count)).as("support"))
                    .orderBy(col("frequency").desc(), col("length").desc(), col("pattern"))
                    .localCheckpoint();
            ctx.output(OUT, TableData.source(patterns));
        } finally {
            sequences.unpersist();
        }
    }

    /** A text sequence as an array of itemsets, each an array of distinct items; empty itemsets left out. */
    private static Column sequence(Column text, String itemsetSeparator, String itemSeparator) {
        Column steps = ItemLists.items(text, itemsetSeparator);
        Column itemsets = transform(steps, step -> ItemLists.distinctItems(step, itemSeparator));
        return filter(itemsets, itemset -> size(itemset).gt(0));
    }
}
