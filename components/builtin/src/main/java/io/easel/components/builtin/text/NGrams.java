package io.easel.components.builtin.text;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import java.util.Map;
import org.apache.spark.ml.feature.NGram;

/**
 * Spark's NGram: every run of n consecutive words, joined by a space ("black bear"), as a new word list; a list
 * shorter than n gives none. JPMML-SparkML converts it: a vocabulary of n-grams counts the phrases in raw text.
 */
public final class NGrams implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> TOKENS = TextColumns.tokens(IN, Text.of("The words to combine, in order.",
            "要组合的词列（按顺序）。"));

    public static final Param<Integer> N = Param.integer("n", Text.of("Words per n-gram (n)", "每个 n 元组的词数（n）"))
            .description(Text.of("2 gives pairs of neighbouring words (bigrams), 3 triples.",
                    "2 表示相邻两词（二元组），3 表示三词。"))
            .defaultValue(2)
            .range(1, 10)
            .required();

    public static final Param<String> OUTPUT = TextColumns.output(IN, "ngrams", Text.of("The new column of n-grams.",
            "新的 n 元组列。"));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with n-grams",
            "含 n 元组的数据"), TextColumns.appended(IN, OUTPUT, DataType.TOKENS));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("n-grams")
            .category(Category.TEXT_ANALYSIS)
            .title("N-grams", "N 元组")
            .description("Turns a word list into its runs of n consecutive words ('black bear'), so that counting "
                            + "them keeps some word order. Exported models repeat it on raw text.",
                    "把词列表转为连续 n 个词组成的短语（如 black bear），使词频统计保留部分词序。导出的模型对原始文本"
                            + "执行同样的处理。")
            .keywords("n-gram", "ngram", "bigram", "trigram", "phrases", "n 元组", "二元组", "短语")
            .inputs(IN)
            .outputs(OUT)
            .params(TOKENS, N, OUTPUT)
            .examples(Example.of("Word pairs of WordNet's glosses", "WordNet 释义中的相邻词对",
                    Map.of("tokensColumn", "tokens", "n", 2))
                    .input(IN, TextExamples.glossTokens()))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String output = ctx.param(OUTPUT);
        ctx.output(OUT, ctx.table(IN).transform(new NGram().setInputCol(ctx.param(TOKENS)).setOutputCol(output)
                .setN(ctx.param(N))));
    }
}
