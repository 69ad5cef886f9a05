package io.easel.components.builtin.prediction;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.builtin.source.SampleFiles;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Scores a table with a model's PMML, the artefact a deployment serves, so that a batch and the online endpoint give
 * the same answers: each Spark partition builds one JPMML-Evaluator and scores its rows (nothing is collected to the
 * driver). The table comes out with the prediction, and the class probabilities of a classifier, appended.
 *
 * <p>The model is named by its PMML's location rather than by a registry name and version: the engine never sees
 * the server's database, and a version's PMML never changes, so its location is as stable as the version itself.
 * The batch-scoring REST call fills it in from the version.
 */
public final class ScoreWithModel implements SparkComponent {

    public static final String ID = "score-with-model";

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> MODEL = Param.string("model", Text.of("Model (PMML)", "模型（PMML）"))
            .description(Text.of("The PMML file to score with: the PMML location of a model version of this "
                            + "workspace (shown on the version), or a PMML file under the server's data roots.",
                    "用于打分的 PMML 文件：本工作区某个模型版本的 PMML 位置（见该版本页面），或服务器数据根目录下的 PMML 文件。"))
            .required();

    public static final Param<String> PREDICTION = Param.string("predictionColumn",
                    Text.of("Prediction column", "预测列名"))
            .description(Text.of("The name of the appended prediction column; it must be new.",
                    "追加的预测列的名称，不能与现有列重名。"))
            .defaultValue("prediction")
            .required();

    public static final Param<Boolean> PROBABILITIES = Param.bool("probabilities",
                    Text.of("Class probabilities", "类别概率"))
            .description(Text.of("For a classifier, also append one column per class, probability_<class>.",
                    "对分类模型，另为每个类别追加一列 probability_<类别>。"))
            .defaultValue(true);

    /** Its columns depend on the PMML, which validation does not read. */
    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Scored data", "打分结果"),
            SchemaRule.unknownTable());

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.PREDICTION)
            .title("Score with registered model", "用已注册模型打分")
            .description("Scores a whole table in Spark with a model version's PMML, the same artefact its "
                            + "deployments serve, and appends the prediction and class probabilities.",
                    "在 Spark 中用模型版本的 PMML（即部署所提供的同一文件）为整张表打分，并追加预测值和类别概率。")
            .keywords("batch scoring", "score", "pmml", "model version", "registry", "批量打分", "批量预测", "模型版本")
            .inputs(IN)
            .params(MODEL, PREDICTION, PROBABILITIES)
            .outputs(OUT)
            .examples(new Example(Text.of("A decision tree scores iris", "决策树为 iris 打分"),
                    Map.of(MODEL.name(), Example.SAMPLES + "/" + SampleFiles.IRIS_TREE_PMML),
                    Map.of(IN.name(), ExampleData.dataset("iris"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String model = ctx.param(MODEL);
        byte[] pmml = read(ctx, model);
        PmmlScoring scoring = PmmlScoring.of(model, pmml, ctx.param(PREDICTION), ctx.param(PROBABILITIES));
        TableData in = ctx.table(IN);
        List<String> columns = Arrays.asList(in.rows().columns());
        scoring.checkReads(columns);
        Broadcast<byte[]> shipped = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext()).broadcast(pmml);
        Dataset<Row> scored = in.rows().mapPartitions(scoring.partitionScorer(shipped, in.rows().schema()),
                Encoders.row(scoring.outputSchema(in.rows().schema())));
        ctx.output(OUT, new TableData(scored, in.lineage()));
    }

    private static byte[] read(ExecutionContext ctx, String model) {
        String location;
        try {
            location = ctx.data().readableModel(model);
        } catch (IllegalArgumentException refused) {
            throw new IllegalArgumentException(ID + ": param 'model': " + refused.getMessage(), refused);
        }
        Path path = new Path(location);
        try (InputStream in = path.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration()).open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException(ID + ": there is no model at '" + model + "' (" + e.getMessage()
                    + "); check the model version's PMML location", e);
        }
    }
}
