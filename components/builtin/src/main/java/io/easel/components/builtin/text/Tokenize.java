package io.easel.components.builtin.text;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.components.transform.FillMissing;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.feature.ColumnPruner;
import org.apache.spark.ml.feature.RegexTokenizer;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Splits a text column into a list of words: Spark's Tokenizer (lower case, split at whitespace) and RegexTokenizer
 * (a pattern that matches the separators or the words, a minimum word length) in one component. A missing text gives
 * no words. Exported models repeat it (JPMML-SparkML converts the tokenizer) when the pattern matches separators and
 * every word length is kept; matching words, or dropping short ones, has no PMML form, so models trained on its words
 * are not deployable then.
 */
public final class Tokenize implements SparkComponent {

    static final String WORDS_PATTERN = "\\W+";
    static final String WHITESPACE_PATTERN = "\\s+";

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> TEXT = TextColumns.text(IN, Text.of("The text to split into words.",
            "要切分成词的文本。"));

    public static final Param<String> MODE = Param.choice("mode", Text.of("Split", "切分方式"),
                    Param.option("words", Text.of("Into words: letters, digits and _ (punctuation dropped)",
                            "按词：字母、数字和下划线（去掉标点）")),
                    Param.option("whitespace", Text.of("At whitespace (punctuation stays with its word)",
                            "按空白（标点留在词上）")),
                    Param.option("pattern", Text.of("By a regular expression", "按正则表达式")))
            .description(Text.of("Into words suits prose and keeps exported models working with a vocabulary; "
                            + "letters outside a-z (accents, Chinese) count as separators there: for Chinese text "
                            + "use Chinese word segmentation.",
                    "按词适合一般文本，且导出的模型可以配合词表使用；此方式下 a-z 以外的字母（带重音的字母、中文）视为"
                            + "分隔符：中文文本请使用中文分词。"))
            .defaultValue("words")
            .required();

    public static final Param<String> PATTERN = Param.string("pattern", Text.of("Pattern", "正则表达式"))
            .description(Text.of("A Java regular expression.", "Java 正则表达式。"))
            .defaultValue("[\\s,;.!?]+")
            .visibleWhen(MODE, "pattern")
            .required();

    public static final Param<String> PATTERN_MATCHES = Param.choice("patternMatches",
                    Text.of("The pattern matches", "正则表达式匹配"),
                    Param.option("separators", Text.of("The separators between words", "词之间的分隔符")),
                    Param.option("words", Text.of("The words themselves", "词本身")))
            .description(Text.of("Matching the words themselves has no PMML form.",
                    "匹配词本身的方式无法导出为 PMML。"))
            .defaultValue("separators")
            .visibleWhen(MODE, "pattern");

    public static final Param<Boolean> LOWER_CASE = Param.bool("lowerCase", Text.of("Lower case", "转为小写"))
            .description(Text.of("Turn the text into lower case first, so 'Tree' and 'tree' are one word.",
                    "先把文本转为小写，使 Tree 和 tree 成为同一个词。"))
            .defaultValue(true)
            .visibleWhen(MODE, "pattern");

    public static final Param<Integer> MIN_LENGTH = Param.integer("minWordLength", Text.of("Shortest word",
                    "最短词长"))
            .description(Text.of("Shorter words are dropped. Above 1, the step has no PMML form.",
                    "更短的词会被丢弃。大于 1 时此步骤无法导出为 PMML。"))
            .defaultValue(1)
            .range(1, null)
            .advanced();

    public static final Param<String> OUTPUT = TextColumns.output(IN, "tokens", Text.of("The new column of words.",
            "新的词列。"));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with words", "含词列的数据"),
            TextColumns.appended(IN, OUTPUT, DataType.TOKENS));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("tokenize")
            .category(Category.TEXT_ANALYSIS)
            .title("Tokenize", "切分单词")
            .description("Splits a text column into a list of lower-case words, at punctuation and spaces, at "
                            + "whitespace only, or by a regular expression, optionally dropping short words. A "
                            + "missing text gives no words. Exported models repeat it on raw text.",
                    "把文本列切分为小写词列表：按标点和空格、只按空白或按正则表达式切分，可丢弃过短的词。缺失的文本"
                            + "得到空列表。导出的模型对原始文本执行同样的切分。")
            .keywords("tokenize", "tokenizer", "regex tokenizer", "split words", "words", "text", "分词", "切词",
                    "文本")
            .inputs(IN)
            .outputs(OUT)
            .params(TEXT, MODE, PATTERN, PATTERN_MATCHES, LOWER_CASE, MIN_LENGTH, OUTPUT)
            .examples(Example.of("WordNet's glosses as words", "把 WordNet 释义切分为词",
                            Map.of("textColumn", "gloss"))
                            .input(IN, ExampleData.dataset("wordnet_glosses")),
                    Example.of("Words of at least three letters, by a pattern", "按正则表达式取至少三个字母的词",
                            Map.of("textColumn", "gloss", "mode", "pattern", "pattern", "[a-z]+",
                                    "patternMatches", "words", "minWordLength", 3))
                            .input(IN, ExampleData.dataset("wordnet_glosses")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String output = ctx.param(OUTPUT);
        String mode = ctx.param(MODE);
        boolean custom = "pattern".equals(mode);
        boolean separators = !custom || "separators".equals(ctx.param(PATTERN_MATCHES));
        String pattern = switch (mode) {
            case "words" -> WORDS_PATTERN;
            case "whitespace" -> WHITESPACE_PATTERN;
            default -> checkedPattern(ctx.param(PATTERN));
        };
        // Spark's tokenizers fail on a missing text: it is filled with an empty one in a helper column first
        String filled = ModelData.INTERNAL_PREFIX + "text_" + output;
        RegexTokenizer tokenizer = new RegexTokenizer().setInputCol(filled).setOutputCol(output)
                .setPattern(pattern).setGaps(separators).setMinTokenLength(ctx.param(MIN_LENGTH))
                .setToLowercase(!custom || ctx.param(LOWER_CASE));
        FeatureLineage.PmmlGap gap = null;
        if (!separators) {
            gap = TextColumns.gap(this, ctx, "matching words by a pattern (rather than splitting at separators) "
                    + "has no PMML form");
        } else if (ctx.param(MIN_LENGTH) > 1) {
            gap = TextColumns.gap(this, ctx, "dropping words shorter than " + ctx.param(MIN_LENGTH)
                    + " letters has no PMML form");
        }
        TableData table = ctx.table(IN).transform(new FillMissing().setInputCols(List.of(ctx.param(TEXT)))
                .setOutputCols(List.of(filled)).setValues(List.of("")));
        table = TextColumns.apply(table, tokenizer, gap);
        ctx.output(OUT, table.transform(new ColumnPruner(CollectionConverters.asScala(Set.of(filled)).toSet())));
    }

    private static String checkedPattern(String pattern) {
        try {
            java.util.regex.Pattern.compile(pattern);
            return pattern;
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("Pattern: '" + pattern + "' is not a valid regular expression ("
                    + e.getDescription() + "); correct param 'pattern'.");
        }
    }
}
