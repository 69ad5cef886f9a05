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
import org.apache.spark.ml.feature.IDF;

/**
 * TF-IDF as PAI and KNIME users know it, from term counts: Spark's IDF fitted on the input rows, each slot weighted
 * by log((rows + 1) / (rows with the word + 1)), so words found everywhere weigh little. It takes the counts of the
 * count vectorizer (or hashing TF) rather than text, so the vocabulary and the weighting stay two visible steps. The
 * fitted weights are a feature step: JPMML-SparkML converts them after a count vectorizer.
 */
public final class TfIdf implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> COUNTS = Param.column("countsColumn", Text.of("Term counts column", "词频向量列"),
                    IN, DataType.VECTOR)
            .description(Text.of("Word counts per row, from the count vectorizer or hashing TF.",
                    "每行的词频向量，来自词频向量化或哈希词频。"))
            .required();

    public static final Param<Integer> MIN_DOC_FREQUENCY = Param.integer("minDocFrequency",
                    Text.of("Minimum document frequency", "最小文档频率"))
            .description(Text.of("A word in fewer rows than this gets weight 0.", "出现的行数少于此值的词权重为 0。"))
            .defaultValue(0)
            .range(0, null);

    public static final Param<String> OUTPUT = TextColumns.output(IN, "tfidf", Text.of("The new column of TF-IDF "
            + "weights.", "新的 TF-IDF 向量列。"));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with TF-IDF", "含 TF-IDF 的数据"),
            TextColumns.appended(IN, OUTPUT, DataType.VECTOR));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("tf-idf")
            .category(Category.TEXT_ANALYSIS)
            .title("TF-IDF", "TF-IDF（词频-逆文档频率）")
            .description("Weights word counts by inverse document frequency, fitted on the input rows: words found "
                            + "in most rows weigh little, rare ones much. Takes the counts of the count vectorizer "
                            + "or hashing TF. Exported models repeat it after a count vectorizer.",
                    "按逆文档频率对词频加权（在输入数据上拟合）：大多数行都有的词权重低，少见的词权重高。输入为词频"
                            + "向量化或哈希词频的计数。在词频向量化之后时，导出的模型执行同样的加权。")
            .keywords("tf-idf", "tfidf", "idf", "inverse document frequency", "term weighting", "逆文档频率", "词频",
                    "加权")
            .inputs(IN)
            .outputs(OUT)
            .params(COUNTS, MIN_DOC_FREQUENCY, OUTPUT)
            .examples(Example.of("TF-IDF of WordNet's glosses over 40 words", "WordNet 释义在 40 个词上的 TF-IDF",
                    Map.of("countsColumn", "counts"))
                    .input(IN, TextExamples.glossCounts()))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String output = ctx.param(OUTPUT);
        ctx.output(OUT, ctx.table(IN).transform(new IDF().setInputCol(ctx.param(COUNTS)).setOutputCol(output)
                .setMinDocFreq(ctx.param(MIN_DOC_FREQUENCY)).fit(ctx.table(IN).rows())));
    }
}
