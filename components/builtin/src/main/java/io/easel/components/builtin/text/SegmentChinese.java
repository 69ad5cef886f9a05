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
import io.easel.components.transform.ChineseWordSegmenter;
import java.util.Map;

/**
 * Chinese word segmentation with HanLP 1.x ({@code com.hankcs:hanlp}, portable edition, Apache-2.0, maintained on
 * Maven Central, dictionaries inside the jar): Chinese text has no spaces between words, so it is cut by a dictionary
 * and a bigram model into a word list like the tokenizer's, for stop words, counts and TF-IDF. Segmentation is not
 * part of PMML: models trained on its words are not deployable, and say so.
 */
public final class SegmentChinese implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> TEXT = TextColumns.text(IN, Text.of("The Chinese text to segment.",
            "要分词的中文文本。"));

    public static final Param<Boolean> KEEP_PUNCTUATION = Param.bool("keepPunctuation",
                    Text.of("Keep punctuation", "保留标点"))
            .description(Text.of("Off: punctuation marks (，。！) are dropped.", "关闭时去掉标点符号（，。！）。"))
            .defaultValue(false);

    public static final Param<String> OUTPUT = TextColumns.output(IN, "words", Text.of("The new column of words.",
            "新的词列。"));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with words", "含词列的数据"),
            TextColumns.appended(IN, OUTPUT, DataType.TOKENS));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("segment-chinese")
            .category(Category.TEXT_ANALYSIS)
            .title("Chinese word segmentation", "中文分词")
            .description("Cuts Chinese text into words with HanLP's dictionary-based segmenter, as a word list for "
                            + "stop words, counts or TF-IDF; Latin words and numbers stay whole, punctuation is "
                            + "dropped unless kept. Has no PMML form: models trained on its words are not deployable.",
                    "使用 HanLP 基于词典的分词器把中文文本切分为词列表，供去除停用词、词频或 TF-IDF 使用；英文单词和"
                            + "数字保持完整，默认去掉标点。无法导出为 PMML：基于其结果训练的模型不能部署。")
            .keywords("chinese word segmentation", "segmenter", "hanlp", "tokenize chinese", "中文分词", "分词", "切词",
                    "文本")
            .inputs(IN)
            .outputs(OUT)
            .params(TEXT, KEEP_PUNCTUATION, OUTPUT)
            .examples(Example.of("Chinese product reviews cut into words", "把中文商品评论切分为词",
                    Map.of("textColumn", "review"))
                    .input(IN, ChineseSamples.reviews()))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String output = ctx.param(OUTPUT);
        ChineseWordSegmenter segmenter = new ChineseWordSegmenter().setInputCol(ctx.param(TEXT)).setOutputCol(output)
                .setKeepPunctuation(ctx.param(KEEP_PUNCTUATION));
        ctx.output(OUT, ctx.table(IN).transformWithoutPmml(segmenter, TextColumns.gap(this, ctx,
                "word segmentation is not part of PMML")));
    }
}
