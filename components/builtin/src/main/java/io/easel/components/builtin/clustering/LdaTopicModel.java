package io.easel.components.builtin.clustering;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import io.easel.component.BoundParams;
import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.ModelSpec;
import io.easel.component.Param;
import io.easel.component.ParamDef;
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
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.transform.VectorArgMax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.DistributedLDAModel;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Latent Dirichlet allocation (Spark's {@code LDA}): finds k topics, each a distribution over words, such that every
 * document is a mixture of topics. The model takes raw text: it joins the text columns, splits them into lowercase
 * words by a regular expression, drops stop words, counts the words of a vocabulary learnt from the training
 * documents, and then infers each document's topic mixture. Applying it adds {@code topic} (the most likely) and
 * {@code topicDistribution}; a second output lists each topic's top words. JPMML-SparkML does not convert LDA: the
 * model is not deployable.
 */
public final class LdaTopicModel implements SparkComponent {

    static final String ID = "lda";

    public static final String TOPIC = "topic";
    public static final String TOPIC_DISTRIBUTION = "topicDistribution";

    private static final String TEXT = ModelData.INTERNAL_PREFIX + "text";
    private static final String TOKENS = ModelData.INTERNAL_PREFIX + "tokens";
    private static final String WORDS = ModelData.INTERNAL_PREFIX + "words";
    private static final String COUNTS = ModelData.INTERNAL_PREFIX + "term_counts";
    private static final List<String> STOP_WORD_LANGUAGES = List.of("danish", "dutch", "english", "finnish",
            "french", "german", "hungarian", "italian", "norwegian", "portuguese", "russian", "spanish", "swedish",
            "turkish");

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Documents", "文档"));

    public static final Param<List<String>> TEXT_COLUMNS = Param.columns("textColumns",
                    Text.of("Text columns", "文本列"), IN, DataType.STRING)
            .description(Text.of("The text of each document; the columns of a row are joined with spaces, and a "
                            + "missing text counts as empty.",
                    "每篇文档的文本；同一行的多列以空格连接，缺失的文本视为空。"))
            .required();

    public static final Param<Integer> K = Param.integer("k", Text.of("Number of topics (k)", "主题数（k）"))
            .description(Text.of("How many topics to find.", "要发现的主题个数。"))
            .defaultValue(10)
            .range(2, null)
            .required();

    public static final Param<Integer> MAX_ITER = ClusteringParams.maxIter(20);

    public static final Param<String> OPTIMIZER = Param.choice("optimizer", Text.of("Optimizer", "优化算法"),
                    Param.option("online", Text.of("Online variational Bayes (mini-batches)",
                            "在线变分贝叶斯（小批量）")),
                    Param.option("em", Text.of("Expectation-maximisation (whole corpus each iteration)",
                            "期望最大化（每次迭代使用全部语料）")))
            .description(Text.of("Online samples part of the documents each iteration and scales to large "
                            + "corpora; EM uses every document each iteration, which suits small corpora but needs "
                            + "more memory.",
                    "在线算法每次迭代抽取部分文档，适合大语料；EM 每次迭代使用全部文档，适合小语料但更占内存。"))
            .defaultValue("online");

    public static final Param<Double> SUBSAMPLING_RATE = Param.decimal("subsamplingRate",
                    Text.of("Documents per iteration", "每次迭代的文档比例"))
            .description(Text.of("For online: the share of documents each iteration learns from.",
                    "在线算法：每次迭代学习所用的文档比例。"))
            .defaultValue(0.05)
            .range(0, true, 1, false)
            .visibleWhen(OPTIMIZER, "online")
            .advanced();

    public static final Param<String> TOKEN_PATTERN = Param.string("tokenPattern",
                    Text.of("Word pattern", "词的正则表达式"))
            .description(Text.of("A regular expression every word matches; the default takes runs of letters in any "
                            + "script. Chinese text has no spaces: segment it into words first, or use \\p{IsHan} "
                            + "to take each character as a word.",
                    "每个词所匹配的正则表达式；默认取任意文字的连续字母。中文没有空格：请先分词，或用 \\p{IsHan} 把每个汉字当作一个词。"))
            .defaultValue("\\p{L}+")
            .required();

    public static final Param<Integer> MIN_WORD_LENGTH = Param.integer("minWordLength",
                    Text.of("Shortest word", "最短词长"))
            .description(Text.of("Shorter words are dropped.", "更短的词会被丢弃。"))
            .defaultValue(2)
            .range(1, null)
            .advanced();

    public static final Param<Boolean> REMOVE_STOP_WORDS = Param.bool("removeStopWords",
                    Text.of("Remove stop words", "去除停用词"))
            .description(Text.of("Drop common words such as 'the' and 'of', which every topic would share.",
                    "去除 the、of 等各个主题都会出现的常用词。"))
            .defaultValue(true);

    public static final Param<String> STOP_WORDS_LANGUAGE = Param.choice("stopWordsLanguage",
                    Text.of("Stop word language", "停用词语言"), stopWordLanguages())
            .description(Text.of("Whose list of common words to drop (Spark's lists).",
                    "使用哪种语言的常用词表（Spark 自带的词表）。"))
            .defaultValue("english")
            .visibleWhen(REMOVE_STOP_WORDS, "true");

    public static final Param<String> EXTRA_STOP_WORDS = Param.string("extraStopWords",
                    Text.of("More stop words", "更多停用词"))
            .description(Text.of("Further words to drop, separated by commas.", "其他要去除的词，以逗号分隔。"))
            .visibleWhen(REMOVE_STOP_WORDS, "true")
            .advanced();

    public static final Param<Integer> VOCABULARY_SIZE = Param.integer("vocabularySize",
                    Text.of("Vocabulary size", "词表大小"))
            .description(Text.of("At most this many words, the most frequent ones, make up the vocabulary.",
                    "词表最多包含这么多个最常见的词。"))
            .defaultValue(10000)
            .range(1, null);

    public static final Param<Double> MIN_DOC_FREQUENCY = Param.decimal("minDocFrequency",
                    Text.of("Minimum document frequency", "最小文档频率"))
            .description(Text.of("A word must appear in at least this many documents (a share of the documents "
                            + "when below 1) to be in the vocabulary.",
                    "词至少出现在这么多篇文档中（小于 1 时表示文档比例）才会进入词表。"))
            .defaultValue(2.0)
            .range(0, null);

    public static final Param<Double> MAX_DOC_SHARE = Param.decimal("maxDocShare",
                    Text.of("Maximum document share", "最大文档比例"))
            .description(Text.of("Words in more than this share of the documents are left out of the vocabulary; "
                            + "1 keeps them all.",
                    "出现在超过该比例文档中的词不进入词表；1 表示全部保留。"))
            .defaultValue(1.0)
            .range(0, true, 1, false)
            .advanced();

    public static final Param<Double> DOC_CONCENTRATION = Param.decimal("docConcentration",
                    Text.of("Document concentration (alpha)", "文档集中度（alpha）"))
            .description(Text.of("The prior on each document's topic mixture: small values favour documents of few "
                            + "topics. Blank: chosen automatically. The em optimizer needs a value above 1.",
                    "每篇文档主题分布的先验：值越小，文档越集中于少数主题。留空则自动选择。EM 算法要求大于 1。"))
            .range(0, true, null, false)
            .advanced();

    public static final Param<Double> TOPIC_CONCENTRATION = Param.decimal("topicConcentration",
                    Text.of("Topic concentration (beta)", "主题集中度（beta）"))
            .description(Text.of("The prior on each topic's word distribution: small values favour topics of few "
                            + "words. Blank: chosen automatically. The em optimizer needs a value above 1.",
                    "每个主题词分布的先验：值越小，主题越集中于少数词。留空则自动选择。EM 算法要求大于 1。"))
            .range(0, true, null, false)
            .advanced();

    public static final Param<Integer> TOP_TERMS = Param.integer("topTerms", Text.of("Words per topic", "每个主题的词数"))
            .description(Text.of("How many of each topic's most weighted words the topics table lists.",
                    "主题表中为每个主题列出的权重最高的词数。"))
            .defaultValue(10)
            .range(1, 1000);

    static final TableSpec TOPICS_SPEC = TableSpec.of(ColumnSpec.of("topic", DataType.INTEGER),
            ColumnSpec.of("rank", DataType.INTEGER), ColumnSpec.of("term", DataType.STRING),
            ColumnSpec.of("weight", DataType.DOUBLE));

    public static final Port MODEL = Port.output("model", PortType.MODEL, Text.of("Topic model", "主题模型"),
                    new SchemaRule.TrainedModel(IN.name(), null, TEXT_COLUMNS.name(), List.of(
                            new SchemaRule.TrainedModel.ModelOutput(TOPIC, DataType.INTEGER),
                            new SchemaRule.TrainedModel.ModelOutput(TOPIC_DISTRIBUTION, DataType.VECTOR))))
            .withoutPmml();

    public static final Port TOPICS = Port.output("topics", PortType.TABLE, Text.of("Topics", "主题"),
            SchemaRule.fixed(TOPICS_SPEC));

    private final ComponentDescriptor descriptor = ComponentDescriptor.builder(ID)
            .category(Category.CLUSTERING)
            .title("LDA topic model", "LDA 主题模型")
            .description("Finds k topics in text, each a set of words that tend to occur together, and describes "
                            + "every document as a mixture of them. Applying the model adds the most likely topic "
                            + "and the topic distribution; the topics output lists each topic's top words with "
                            + "their weights.",
                    "在文本中发现 k 个主题（经常一起出现的词），并把每篇文档描述为这些主题的混合。应用模型会追加最可能的主题和主题分布；"
                            + "主题输出列出每个主题权重最高的词及其权重。")
            .keywords("lda", "latent dirichlet allocation", "topic model", "topics", "text", "nlp",
                    "document clustering", "主题模型", "主题", "文本", "文档聚类", "自然语言")
            .inputs(IN)
            .outputs(MODEL, TOPICS)
            .params(TEXT_COLUMNS, K, OPTIMIZER, MAX_ITER, SUBSAMPLING_RATE, TOKEN_PATTERN, MIN_WORD_LENGTH,
                    REMOVE_STOP_WORDS, STOP_WORDS_LANGUAGE, EXTRA_STOP_WORDS, VOCABULARY_SIZE, MIN_DOC_FREQUENCY,
                    MAX_DOC_SHARE, DOC_CONCENTRATION, TOPIC_CONCENTRATION, TOP_TERMS, ClusteringParams.SEED)
            .examples(Example.of("Six topics in WordNet's glosses, without words common to every category",
                            "WordNet 释义中的六个主题（去除各类别共有的常用词）",
                            Map.of("textColumns", List.of("gloss"), "k", 6, "maxIter", 50, "subsamplingRate", 0.2,
                                    "extraStopWords", "genus, family, used, small, large, one, two, usually, "
                                            + "various, type"))
                    .input(IN, ExampleData.dataset("wordnet_glosses")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ModelData model = train(ctx.spark(), ctx.table(IN), ctx.params());
        ctx.output(MODEL, model);
        ctx.output(TOPICS, TableData.source(topTerms(ctx.spark(), model, ctx.param(TOP_TERMS))));
    }

    private ModelData train(SparkSession spark, TableData in, BoundParams params) {
        checkConcentrations(params);
        List<ColumnSpec> texts = params.columns(TEXT_COLUMNS);
        List<Transformer> stages = new ArrayList<>(wordsOf(texts, params));
        String words = params.get(REMOVE_STOP_WORDS) ? WORDS : TOKENS;
        Dataset<Row> documents = pipeline(stages).transform(in.rows()).persist();
        Dataset<Row> counted = null;
        try {
            CountVectorizer vectorizer = new CountVectorizer().setInputCol(words).setOutputCol(COUNTS)
                    .setVocabSize(params.get(VOCABULARY_SIZE)).setMinDF(params.get(MIN_DOC_FREQUENCY));
            if (params.get(MAX_DOC_SHARE) < 1) {
                vectorizer.setMaxDF(params.get(MAX_DOC_SHARE));
            }
            CountVectorizerModel vocabulary = vectorizer.fit(documents);
            if (vocabulary.vocabulary().length == 0) {
                throw new IllegalArgumentException(ID + ": no word is left for the vocabulary: none appears in "
                        + "enough documents (param 'minDocFrequency' is " + params.get(MIN_DOC_FREQUENCY) + ") "
                        + "after splitting the text by 'tokenPattern' and removing stop words; lower "
                        + "'minDocFrequency' or check 'textColumns' and 'tokenPattern'");
            }
            stages.add(vocabulary);
            counted = vocabulary.transform(documents).filter(size(col(words)).gt(0)).persist();
            LDAModel fitted = estimator(params).fit(counted);
            // the same topics; applying a distributed model would collect it to the driver on every use (its local
            // form does not keep the column params)
            LDAModel lda = fitted instanceof DistributedLDAModel distributed
                    ? distributed.toLocal().setFeaturesCol(COUNTS).setTopicDistributionCol(TOPIC_DISTRIBUTION)
                    : fitted;
            stages.add(lda);
            stages.add(new VectorArgMax().setInputCol(TOPIC_DISTRIBUTION).setOutputCol(TOPIC));
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("documents", counted.count());
            metrics.put("vocabulary", vocabulary.vocabulary().length);
            metrics.put("topics", fitted.getK());
            metrics.put("logPerplexity", lda.logPerplexity(counted));
            ModelSpec spec = new ModelSpec(ID, null, texts, List.of(ColumnSpec.of(TOPIC, DataType.INTEGER),
                    ColumnSpec.of(TOPIC_DISTRIBUTION, DataType.VECTOR)));
            return new ModelData(spec, in.lineage(), pipeline(stages), List.of(), metrics,
                    Arrays.asList(vocabulary.vocabulary()),
                    new LearnerRetraining(descriptor, IN, params.userSet(), this::train));
        } finally {
            documents.unpersist();
            if (counted != null) {
                counted.unpersist();
            }
        }
    }

    /** Joining the text columns, splitting into lowercase words, and removing stop words if asked. */
    private static List<Transformer> wordsOf(List<ColumnSpec> texts, BoundParams params) {
        List<Transformer> stages = new ArrayList<>();
        String joined = texts.stream().map(t -> "`" + t.name().replace("`", "``") + "`")
                .collect(Collectors.joining(", "));
        stages.add(new SQLTransformer().setStatement("SELECT *, concat_ws(' ', " + joined + ") AS " + TEXT
                + " FROM __THIS__"));
        stages.add(new RegexTokenizer().setInputCol(TEXT).setOutputCol(TOKENS).setGaps(false)
                .setPattern(params.get(TOKEN_PATTERN)).setMinTokenLength(params.get(MIN_WORD_LENGTH))
                .setToLowercase(true));
        if (params.get(REMOVE_STOP_WORDS)) {
            Set<String> stopWords = new LinkedHashSet<>(Arrays.asList(
                    StopWordsRemover.loadDefaultStopWords(params.get(STOP_WORDS_LANGUAGE))));
            String extra = params.get(EXTRA_STOP_WORDS);
            if (extra != null) {
                Arrays.stream(extra.split(",")).map(w -> w.strip().toLowerCase(Locale.ROOT))
                        .filter(w -> !w.isEmpty()).forEach(stopWords::add);
            }
            // the words are lowercase already, so no locale-dependent case folding is needed
            stages.add(new StopWordsRemover().setInputCol(TOKENS).setOutputCol(WORDS)
                    .setStopWords(stopWords.toArray(String[]::new)).setCaseSensitive(true));
        }
        return stages;
    }

    private static LDA estimator(BoundParams params) {
        LDA lda = new LDA().setK(params.get(K)).setMaxIter(params.get(MAX_ITER))
                .setOptimizer(params.get(OPTIMIZER)).setSeed(params.get(ClusteringParams.SEED))
                .setFeaturesCol(COUNTS).setTopicDistributionCol(TOPIC_DISTRIBUTION);
        if ("online".equals(params.get(OPTIMIZER))) {
            lda.setSubsamplingRate(params.get(SUBSAMPLING_RATE));
        }
        if (params.get(DOC_CONCENTRATION) != null) {
            lda.setDocConcentration(params.get(DOC_CONCENTRATION));
        }
        if (params.get(TOPIC_CONCENTRATION) != null) {
            lda.setTopicConcentration(params.get(TOPIC_CONCENTRATION));
        }
        return lda;
    }

    /** Spark's EM optimizer takes only priors above 1; say so before it fails. */
    private static void checkConcentrations(BoundParams params) {
        if (!"em".equals(params.get(OPTIMIZER))) {
            return;
        }
        for (Param<Double> prior : List.of(DOC_CONCENTRATION, TOPIC_CONCENTRATION)) {
            Double value = params.get(prior);
            if (value != null && value <= 1) {
                throw new IllegalArgumentException(ID + ": param '" + prior.name() + "' is " + value + ", but the "
                        + "em optimizer needs a value above 1; raise it, leave it blank, or use the online optimizer");
            }
        }
    }

    /** Each topic's most weighted words, most weighted first, one row each. */
    private static Dataset<Row> topTerms(SparkSession spark, ModelData model, int count) {
        LDAModel lda = model.stage(LDAModel.class).orElseThrow();
        List<String> vocabulary = model.slots();
        List<Row> rows = new ArrayList<>();
        for (Row topic : lda.describeTopics(count).collectAsList()) {
            List<Integer> terms = topic.getList(1);
            List<Double> weights = topic.getList(2);
            for (int rank = 0; rank < terms.size(); rank++) {
                rows.add(RowFactory.create(topic.getInt(0), rank + 1, vocabulary.get(terms.get(rank)),
                        weights.get(rank)));
            }
        }
        // one partition, so that the order survives being written and read back
        return spark.createDataFrame(rows, SparkTypes.toSchema(TOPICS_SPEC)).coalesce(1);
    }

    private static PipelineModel pipeline(List<Transformer> stages) {
        return new PipelineModel(UUID.randomUUID().toString(), stages.toArray(Transformer[]::new));
    }

    private static ParamDef.Choice[] stopWordLanguages() {
        Map<String, String> chinese = Map.ofEntries(Map.entry("danish", "丹麦语"), Map.entry("dutch", "荷兰语"),
                Map.entry("english", "英语"), Map.entry("finnish", "芬兰语"), Map.entry("french", "法语"),
                Map.entry("german", "德语"), Map.entry("hungarian", "匈牙利语"), Map.entry("italian", "意大利语"),
                Map.entry("norwegian", "挪威语"), Map.entry("portuguese", "葡萄牙语"), Map.entry("russian", "俄语"),
                Map.entry("spanish", "西班牙语"), Map.entry("swedish", "瑞典语"), Map.entry("turkish", "土耳其语"));
        return STOP_WORD_LANGUAGES.stream()
                .map(l -> Param.option(l, Text.of(Character.toUpperCase(l.charAt(0)) + l.substring(1),
                        chinese.get(l))))
                .toArray(ParamDef.Choice[]::new);
    }
}
