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
import io.easel.components.learn.SharedParams;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Map;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.feature.Word2VecModel;

/**
 * Spark's Word2Vec (skip-gram): learns a vector per word from the words around it, so that words used alike get
 * close vectors, and writes each row's document vector, the mean of its words' vectors (a word outside the vocabulary
 * counts as a zero vector; a row without words gets zeros). The word vectors are a second output. Fitted here; PMML
 * has no form for it, so models trained on its vectors are not deployable, and say so.
 */
public final class Word2VecEmbed implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> TOKENS = TextColumns.tokens(IN, Text.of("The words of each row.",
            "每行的词列。"));

    public static final Param<Integer> VECTOR_SIZE = Param.integer("vectorSize", Text.of("Vector size", "向量维数"))
            .description(Text.of("The length of every word and document vector.", "每个词向量和文档向量的长度。"))
            .defaultValue(100)
            .range(1, 1000)
            .required();

    public static final Param<Integer> WINDOW = Param.integer("windowSize", Text.of("Window size", "窗口大小"))
            .description(Text.of("How many words on each side count as a word's context.",
                    "每侧多少个词算作一个词的上下文。"))
            .defaultValue(5)
            .range(1, 100)
            .required();

    public static final Param<Integer> MIN_COUNT = Param.integer("minCount", Text.of("Minimum word count",
                    "最少出现次数"))
            .description(Text.of("Words seen fewer times in the corpus get no vector.",
                    "在语料中出现次数少于此值的词没有向量。"))
            .defaultValue(5)
            .range(1, null)
            .required();

    public static final Param<Integer> MAX_ITER = Param.integer("maxIter", Text.of("Iterations", "迭代次数"))
            .description(Text.of("Passes over the corpus; more are slower and usually better.",
                    "遍历语料的次数；次数越多越慢，通常效果更好。"))
            .defaultValue(1)
            .range(1, 100)
            .required();

    public static final Param<Integer> SEED = SharedParams.SEED;

    public static final Param<String> OUTPUT = TextColumns.output(IN, "embedding", Text.of("The new column of "
            + "document vectors.", "新的文档向量列。"));

    static final TableSpec VECTORS_SPEC = TableSpec.of(ColumnSpec.of("word", DataType.STRING),
            ColumnSpec.of("vector", DataType.VECTOR));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with document vectors",
            "含文档向量的数据"), TextColumns.appended(IN, OUTPUT, DataType.VECTOR));

    public static final Port VECTORS = Port.output("vectors", PortType.TABLE, Text.of("Word vectors", "词向量"),
            SchemaRule.fixed(VECTORS_SPEC));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("word2vec")
            .category(Category.TEXT_ANALYSIS)
            .title("Word2Vec embedding", "Word2Vec 词向量")
            .description("Learns a vector per word from the words around it (words used alike get close vectors) "
                            + "and gives each row the mean vector of its words; the word vectors are a second output. "
                            + "Has no PMML form: models trained on these vectors are not deployable.",
                    "根据上下文为每个词学习一个向量（用法相近的词向量相近），并把每行词向量的平均值作为该行的文档向量；"
                            + "词向量作为第二个输出。无法导出为 PMML：基于这些向量训练的模型不能部署。")
            .keywords("word2vec", "word embedding", "embedding", "skip-gram", "document vector", "词向量", "词嵌入",
                    "文档向量")
            .inputs(IN)
            .outputs(OUT, VECTORS)
            .params(TOKENS, VECTOR_SIZE, WINDOW, MIN_COUNT, MAX_ITER, SEED, OUTPUT)
            .examples(Example.of("20-dimensional vectors of WordNet's gloss words", "WordNet 释义词的 20 维向量",
                    Map.of("tokensColumn", "words", "vectorSize", 20, "minCount", 5, "maxIter", 1))
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
        Word2VecModel model = new Word2Vec().setInputCol(ctx.param(TOKENS)).setOutputCol(output)
                .setVectorSize(ctx.param(VECTOR_SIZE)).setWindowSize(ctx.param(WINDOW))
                .setMinCount(ctx.param(MIN_COUNT)).setMaxIter(ctx.param(MAX_ITER)).setSeed(ctx.param(SEED))
                .fit(in.rows());
        ctx.output(OUT, in.transformWithoutPmml(model, TextColumns.gap(this, ctx,
                "word embeddings are not part of PMML")));
        ctx.output(VECTORS, TableData.source(model.getVectors()));
    }
}
