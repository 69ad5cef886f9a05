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
import org.apache.spark.ml.feature.HashingTF;

/**
 * Spark's HashingTF: term counts in a vector of fixed size, each word's slot given by a hash of the word (MurmurHash
 * 3), so no vocabulary is fitted and unseen words still count; different words may share a slot. PMML has no hash
 * function: the step has no PMML form and models trained on its vectors are not deployable, which they say.
 */
public final class HashingTf implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> TOKENS = TextColumns.tokens(IN, Text.of("The words to count.", "要计数的词列。"));

    public static final Param<Integer> FEATURES = Param.integer("numFeatures", Text.of("Vector size", "向量长度"))
            .description(Text.of("The number of slots; more slots, fewer words sharing one. A power of two spreads "
                            + "words evenly.",
                    "槽位个数；槽位越多，共用同一槽位的词越少。取 2 的幂时词分布更均匀。"))
            .defaultValue(1 << 18)
            .range(1, null)
            .required();

    public static final Param<Boolean> BINARY = Param.bool("binary", Text.of("Presence only", "只记是否出现"))
            .description(Text.of("1 for a word that occurs, however often, instead of its count.",
                    "出现的词记为 1（不论出现几次），而不是出现次数。"))
            .defaultValue(false);

    public static final Param<String> OUTPUT = TextColumns.output(IN, "tf", Text.of("The new column of term counts.",
            "新的词频向量列。"));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with term counts",
            "含词频向量的数据"), TextColumns.appended(IN, OUTPUT, DataType.VECTOR));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("hashing-tf")
            .category(Category.TEXT_ANALYSIS)
            .title("Hashing term frequency", "哈希词频")
            .description("Counts the words of each row into a vector of fixed size, each word's slot chosen by "
                            + "hashing it: no vocabulary to fit, but words may share a slot. Has no PMML form: models "
                            + "trained on it are not deployable; use the count vectorizer for those.",
                    "把每行的词计数到固定长度的向量中，词的槽位由哈希决定：无需拟合词表，但不同的词可能共用槽位。"
                            + "无法导出为 PMML：基于它训练的模型不能部署；需要部署时请使用词频向量化。")
            .keywords("hashing tf", "term frequency", "feature hashing", "bag of words", "tf", "哈希", "词频", "词袋")
            .inputs(IN)
            .outputs(OUT)
            .params(TOKENS, FEATURES, BINARY, OUTPUT)
            .examples(Example.of("WordNet's glosses hashed into 1024 slots", "把 WordNet 释义哈希到 1024 个槽位",
                    Map.of("tokensColumn", "tokens", "numFeatures", 1024))
                    .input(IN, TextExamples.glossTokens()))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String output = ctx.param(OUTPUT);
        HashingTF hashing = new HashingTF().setInputCol(ctx.param(TOKENS)).setOutputCol(output)
                .setNumFeatures(ctx.param(FEATURES)).setBinary(ctx.param(BINARY));
        ctx.output(OUT, ctx.table(IN).transformWithoutPmml(hashing, TextColumns.gap(this, ctx,
                "feature hashing is not part of PMML")));
    }
}
