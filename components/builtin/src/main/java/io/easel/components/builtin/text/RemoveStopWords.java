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
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.SparkComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.feature.StopWordsRemover;

/**
 * Spark's StopWordsRemover: drops common words from a word list, from Spark's English list, HanLP's Simplified Chinese
 * list ({@link StopWordLists}), both, or only the user's words. JPMML-SparkML converts it, except for stop words that
 * start or end with punctuation: extra words such as "etc." make the step one without a PMML form.
 */
public final class RemoveStopWords implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> TOKENS = TextColumns.tokens(IN, Text.of("The words to filter.",
            "要过滤的词列。"));

    public static final Param<String> LANGUAGE = Param.choice("language", Text.of("Stop word list", "停用词表"),
                    Param.option("english", Text.of("English (Spark's list)", "英语（Spark 自带词表）")),
                    Param.option("chinese", Text.of("Simplified Chinese (HanLP's list)", "简体中文（HanLP 词表）")),
                    Param.option("english-and-chinese", Text.of("English and Simplified Chinese", "英语和简体中文")),
                    Param.option("none", Text.of("None: only the extra words", "无：只用额外的停用词")))
            .defaultValue("english")
            .required();

    public static final Param<String> EXTRA_WORDS = Param.string("extraStopWords",
                    Text.of("Extra stop words", "额外的停用词"))
            .description(Text.of("More words to drop, separated by commas. A word that starts or ends with "
                            + "punctuation ('etc.') makes the step one without a PMML form.",
                    "其他要去除的词，以逗号分隔。以标点开头或结尾的词（如 etc.）会使此步骤无法导出为 PMML。"));

    public static final Param<Boolean> CASE_SENSITIVE = Param.bool("caseSensitive",
                    Text.of("Case sensitive", "区分大小写"))
            .description(Text.of("Off: 'The' is dropped as 'the' is.", "关闭时，The 与 the 一样会被去除。"))
            .defaultValue(false)
            .advanced();

    public static final Param<String> OUTPUT = TextColumns.output(IN, "words", Text.of("The new column of the words "
            + "kept.", "保留下来的词所在的新列。"));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data without stop words",
            "去除停用词后的数据"), TextColumns.appended(IN, OUTPUT, DataType.TOKENS));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("remove-stop-words")
            .category(Category.TEXT_ANALYSIS)
            .title("Remove stop words", "去除停用词")
            .description("Drops common words ('the', 'of', '的', '了') from a word list: Spark's English list, "
                            + "HanLP's Simplified Chinese list, or your own words, ignoring case unless asked. "
                            + "Exported models repeat it on raw text.",
                    "从词列表中去除常用词（the、of、的、了）：使用 Spark 的英语词表、HanLP 的简体中文词表或自定义词，"
                            + "默认不区分大小写。导出的模型对原始文本执行同样的处理。")
            .keywords("stop words", "stopwords", "remove", "filter words", "停用词", "过滤", "文本")
            .inputs(IN)
            .outputs(OUT)
            .params(TOKENS, LANGUAGE, EXTRA_WORDS, CASE_SENSITIVE, OUTPUT)
            .examples(Example.of("WordNet's glosses without English stop words", "去除 WordNet 释义中的英语停用词",
                    Map.of("tokensColumn", "tokens", "extraStopWords", "usually, especially"))
                    .input(IN, TextExamples.glossTokens()),
                    Example.of("Chinese reviews without Chinese stop words", "去除中文评论中的中文停用词",
                            Map.of("tokensColumn", "words", "language", "chinese", "outputColumn", "kept"))
                            .input(IN, ChineseSamples.reviewWords()))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String output = ctx.param(OUTPUT);
        Set<String> stopWords = new LinkedHashSet<>();
        String language = ctx.param(LANGUAGE);
        if (language.contains("english")) {
            stopWords.addAll(StopWordLists.english());
        }
        if (language.contains("chinese")) {
            stopWords.addAll(StopWordLists.chinese());
        }
        List<String> extra = extraWords(ctx.param(EXTRA_WORDS));
        stopWords.addAll(extra);
        if (stopWords.isEmpty()) {
            throw new IllegalArgumentException("No stop words: the list is 'none' and param 'extraStopWords' is "
                    + "empty; choose a list or type the words to drop.");
        }
        List<String> punctuated = stopWords.stream().filter(StopWordLists::punctuated).toList();
        FeatureLineage.PmmlGap gap = punctuated.isEmpty() ? null : TextColumns.gap(this, ctx,
                "stop words with punctuation (" + String.join(", ", punctuated) + ") have no PMML form");
        StopWordsRemover remover = new StopWordsRemover().setInputCol(ctx.param(TOKENS)).setOutputCol(output)
                .setStopWords(stopWords.toArray(String[]::new)).setCaseSensitive(ctx.param(CASE_SENSITIVE))
                .setLocale(Locale.ENGLISH.toString()); // case folding as in English, not as on the server's locale
        ctx.output(OUT, TextColumns.apply(ctx.table(IN), remover, gap));
    }

    private static List<String> extraWords(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(w -> !w.isEmpty()).distinct().toList();
    }
}
