package io.easel.components.builtin.source;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.ParamDef;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.component.csv.CsvSchemaSniffer;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One of the small public datasets bundled with Easel (provenance in {@code datasets/PROVENANCE.md}). Their schemas
 * are sniffed from the bundled files when the descriptor is built, so the catalog knows every column before a run.
 * The rows are read on the driver and parsed by Spark's CSV reader with that schema, so no file path is involved
 * and it works the same on a cluster.
 */
public final class SampleDataset implements SparkComponent {

    private static final String RESOURCE_DIR = "/io/easel/components/datasets/";

    private static final List<ParamDef.Choice> DATASETS = List.of(
            Param.option("credit_g", Text.of("German credit (credit_g, 1000 rows, binary)",
                    "德国信用数据（credit_g，1000 行，二分类）")),
            Param.option("iris", Text.of("Iris (150 rows, 3 classes)", "鸢尾花（iris，150 行，三分类）")),
            Param.option("breast_cancer", Text.of("Breast cancer Wisconsin (569 rows, binary)",
                    "威斯康星乳腺癌（breast_cancer，569 行，二分类）")),
            Param.option("diabetes", Text.of("Diabetes progression (442 rows, regression)",
                    "糖尿病病情进展（diabetes，442 行，回归）")),
            Param.option("vote", Text.of("Congressional votes (435 rows, binary, missing values)",
                    "美国国会投票（vote，435 行，二分类，含缺失值）")),
            Param.option("wordnet_glosses", Text.of("WordNet glosses (2400 short texts, 6 categories)",
                    "WordNet 释义（wordnet_glosses，2400 条短文本，6 个类别）")),
            Param.option("vote_yeas", Text.of("Congressional yea votes (3421 member–bill pairs, recommendation and "
                            + "baskets)",
                    "美国国会赞成票（vote_yeas，3421 个议员–议案对，推荐与购物篮分析）")));

    public static final Param<String> DATASET = Param.choice("dataset", Text.of("Dataset", "数据集"),
                    DATASETS.toArray(ParamDef.Choice[]::new))
            .description(Text.of("Which bundled dataset to read.", "要读取的内置数据集。"))
            .defaultValue("credit_g")
            .required();

    private static final Map<String, TableSpec> SPECS = sniffAll();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data", "数据"),
            SchemaRule.newTable().byChoice(DATASET.name(), SPECS));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("sample-dataset")
            .category(Category.DATA_SOURCES)
            .title("Sample dataset", "示例数据集")
            .description("Reads one of the small public datasets bundled with Easel, with known columns: German "
                            + "credit, iris, breast cancer, diabetes, congressional votes, WordNet glosses (text) and the yea "
                            + "votes as member–bill pairs (recommendation, baskets).",
                    "读取 Easel 自带的小型公开数据集（德国信用、鸢尾花、乳腺癌、糖尿病、国会投票、WordNet 释义文本，以及按议员–议案对列出的赞成票"
                            + "（推荐、购物篮）），列结构预先已知。")
            .keywords("sample", "example", "demo", "dataset", "credit", "iris", "text", "wordnet", "ratings",
                    "transactions", "示例", "样例", "数据集", "文本", "评分", "交易")
            .outputs(OUT)
            .params(DATASET)
            .examples(Example.of("German credit", "德国信用数据", Map.of("dataset", "credit_g")),
                    Example.of("Congressional votes, with missing values", "美国国会投票（含缺失值）",
                            Map.of("dataset", "vote")),
                    Example.of("WordNet glosses, short texts in six categories", "WordNet 释义（六个类别的短文本）",
                            Map.of("dataset", "wordnet_glosses")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        // The param's choices are exactly the bundled datasets.
        ctx.output(OUT, TableData.source(rows(ctx.spark(), ctx.param(DATASET))));
    }

    /** A bundled dataset's rows, with its sniffed schema. */
    static Dataset<Row> rows(SparkSession spark, String name) {
        Dataset<String> lines = spark.createDataset(readLines(name), Encoders.STRING());
        return spark.read()
                .schema(SparkTypes.toSchema(SPECS.get(name)))
                .option("header", true)
                .option("mode", "FAILFAST") // a bundled file that does not match its own schema is a bug
                .csv(lines);
    }

    /** The names of the bundled datasets. */
    static List<String> names() {
        return DATASETS.stream().map(ParamDef.Choice::value).toList();
    }

    /** A bundled file as the build ships it, by its file name (a dataset's is {@code <name>.csv}). */
    static InputStream open(String fileName) {
        InputStream in = SampleDataset.class.getResourceAsStream(RESOURCE_DIR + fileName);
        if (in == null) {
            throw new IllegalStateException("Bundled file " + fileName + " is missing from the build");
        }
        return in;
    }

    /** The schema the bundled file of a dataset has, as Spark would infer it. */
    public static TableSpec spec(String dataset) {
        return SPECS.get(dataset);
    }

    private static Map<String, TableSpec> sniffAll() {
        Map<String, TableSpec> specs = new LinkedHashMap<>();
        for (ParamDef.Choice choice : DATASETS) {
            specs.put(choice.value(), CsvSchemaSniffer.sniff(readLines(choice.value()),
                    CsvSchemaSniffer.Options.defaults()));
        }
        return specs;
    }

    private static List<String> readLines(String dataset) {
        try (InputStream in = open(dataset + ".csv")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled dataset " + dataset, e);
        }
    }
}
