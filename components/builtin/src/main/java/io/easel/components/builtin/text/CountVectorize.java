package io.easel.components.builtin.text;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;

/**
 * Spark's CountVectorizer: learns a vocabulary from the input rows (the most frequent words across the corpus, each in
 * enough documents) and writes each row's word counts over it as a vector; words outside it are not counted. Fitted
 * here and recorded as a feature step, which JPMML-SparkML converts, so models trained on the counts score raw text;
 * a vocabulary word that starts or ends with punctuation (from a whitespace tokenizer) has no PMML form. A second
 * output lists the vocabulary in slot order.
 */
public final class CountVectorize implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> TOKENS = TextColumns.tokens(IN, Text.of("The words to count.", "要计数的词列。"));

    public static final Param<Integer> VOCABULARY_SIZE = Param.integer("vocabularySize",
                    Text.of("Vocabulary size", "词表大小"))
            .description(Text.of("At most this many words, the most frequent in the corpus, make up the vocabulary "
                            + "and the vector's slots.",
                    "词表（即向量的槽位）最多包含这么多个语料中最常见的词。"))
            .defaultValue(10000)
            .range(1, null)
            .required();

    public static final Param<Double> MIN_DOC_FREQUENCY = Param.decimal("minDocFrequency",
                    Text.of("Minimum document frequency", "最小文档频率"))
            .description(Text.of("A word must appear in at least this many rows (a share of the rows when below 1) "
                            + "to be in the vocabulary.",
                    "词至少出现在这么多行中（小于 1 时表示行的比例）才会进入词表。"))
            .defaultValue(1.0)
            .range(0, null)
            .required();

    public static final Param<Boolean> BINARY = Param.bool("binary", Text.of("Presence only", "只记是否出现"))
            .description(Text.of("1 for a word that occurs, however often, instead of its count.",
                    "出现的词记为 1（不论出现几次），而不是出现次数。"))
            .defaultValue(false);

    public static final Param<String> OUTPUT = TextColumns.output(IN, "counts", Text.of("The new column of word "
            + "counts.", "新的词频向量列。"));

    static final TableSpec VOCABULARY_SPEC = TableSpec.of(ColumnSpec.of("slot", DataType.INTEGER),
            ColumnSpec.of("word", DataType.STRING));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with word counts",
            "含词频向量的数据"), TextColumns.appended(IN, OUTPUT, DataType.VECTOR));

    public static final Port VOCABULARY = Port.output("vocabulary", PortType.TABLE, Text.of("Vocabulary", "词表"),
            SchemaRule.fixed(VOCABULARY_SPEC));

    private static final int WORDS_NAMED = 5;

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("count-vectorize")
            .category(Category.TEXT_ANALYSIS)
            .title("Count vectorizer (bag of words)", "词频向量化（词袋）")
            .description("Learns a vocabulary of the most frequent words and turns each row's words into a vector "
                            + "of their counts over it (bag of words), for TF-IDF or a learner. The vocabulary is a "
                            + "second output. Exported models count the words of raw text the same way.",
                    "学习由最常见的词组成的词表，并把每行的词转为这些词的计数向量（词袋），供 TF-IDF 或学习器使用。"
                            + "词表作为第二个输出。导出的模型以同样的方式对原始文本计数。")
            .keywords("count vectorizer", "bag of words", "term frequency", "vocabulary", "tf", "词袋", "词频",
                    "词表", "向量化")
            .inputs(IN)
            .outputs(OUT, VOCABULARY)
            .params(TOKENS, VOCABULARY_SIZE, MIN_DOC_FREQUENCY, BINARY, OUTPUT)
            .examples(Example.of("The 40 most frequent words of WordNet's glosses, stop words removed",
                            "WordNet 释义中最常见的 40 个词（已去除停用词）",
                            Map.of("tokensColumn", "words", "vocabularySize", 40, "minDocFrequency", 2.0))
                    .input(IN, TextExamples.glossWords()))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String output = ctx.param(OUTPUT);
        TableData in = ctx.table(IN);
        CountVectorizerModel model = new CountVectorizer().setInputCol(ctx.param(TOKENS)).setOutputCol(output)
                .setVocabSize(ctx.param(VOCABULARY_SIZE)).setMinDF(ctx.param(MIN_DOC_FREQUENCY))
                .setBinary(ctx.param(BINARY)).fit(in.rows());
        String[] vocabulary = model.vocabulary();
        if (vocabulary.length == 0) {
            throw new IllegalArgumentException("No word appears in enough rows for the vocabulary (param "
                    + "'minDocFrequency' is " + ctx.param(MIN_DOC_FREQUENCY) + "): lower it, or check that column '"
                    + ctx.param(TOKENS) + "' has words.");
        }
        List<String> punctuated = Arrays.stream(vocabulary).filter(StopWordLists::punctuated).toList();
        FeatureLineage.PmmlGap gap = punctuated.isEmpty() ? null : TextColumns.gap(this, ctx,
                "vocabulary words that start or end with punctuation (" + String.join(", ",
                        punctuated.subList(0, Math.min(WORDS_NAMED, punctuated.size())))
                        + (punctuated.size() > WORDS_NAMED ? " …" : "") + ") have no PMML form; tokenize 'into "
                        + "words' to drop punctuation");
        ctx.output(OUT, TextColumns.apply(in, model, gap));
        List<Row> words = new ArrayList<>();
        for (int slot = 0; slot < vocabulary.length; slot++) {
            words.add(RowFactory.create(slot, vocabulary[slot]));
        }
        ctx.output(VOCABULARY, TableData.source(ctx.spark().createDataFrame(words,
                SparkTypes.toSchema(VOCABULARY_SPEC))).inOrder(functions.col("slot")));
    }
}
