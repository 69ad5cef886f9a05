package io.easel.engine;

import static org.apache.spark.sql.functions.col;

import io.easel.components.ComponentRegistry;
import io.easel.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jpmml.sparkml.PMMLBuilder;

/**
 * Not a test: benchmark E1 of issue 11, Easel's engine overhead. A credit-scoring-shaped pipeline (read CSV → type
 * conversion → 85/15 split → GBDT of 50 trees of depth 5 → predict → binary evaluation → PMML) run by Easel's engine
 * ({@link io.easel.engine.run.ExperimentRun} on the shared {@code local[2]} session, as the warm engine runs it, each
 * run in a workspace of its own so that none reuses another's outputs) and by a hand-written plain Spark MLlib program
 * doing the same steps, on the same session and the same CSV, in alternating rounds (plain, Easel, plain, Easel …).
 * Prints every round, the totals and their ratio (goal ≤ 1.10).
 *
 * <p>Arguments: {@code [rows, default 1,000,000] [rounds, default 2]}. Run its {@code main} with the ml-engine test
 * class path, as {@link IncrementalRunBenchmark} (docs/benchmarks.md).
 */
public final class EngineOverheadBenchmark {

    private static final int TREES = 50;
    private static final int DEPTH = 5;
    private static final long SEED = 42;

    private EngineOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace(",", "").replace("_", "")) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path root = Files.createTempDirectory("easel-overhead-benchmark-");
        ComponentRegistry components = ComponentRegistry.load();
        SparkSession spark = SharedSpark.session(); // started before timing: a warm engine has its session up
        // Ten numeric features (three of them stored as text) and three text categories, as credit applications.
        SyntheticCsv csv = SyntheticCsv.write(root.resolve("data"), "applications", rows, 10, 3, 3, components);
        long plainTotal = 0;
        long easelTotal = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            double plainAuc = plainSpark(spark, csv, root.resolve("plain-" + round + ".pmml"));
            long plain = SyntheticCsv.millisSince(start);
            start = System.nanoTime();
            EngineRun easel = EngineRun.ofJson(csv.experiment(TREES, DEPTH, 0.5, false), "easel-" + round, root.resolve("easel-" + round),
                    components, "--data-root", csv.directory().getParent().toString());
            long engine = SyntheticCsv.millisSince(start);
            if (easel.state() != RunState.SUCCEEDED) {
                throw new IllegalStateException("The Easel run failed: " + easel.status());
            }
            System.out.printf("round %d: plain Spark %d ms (AUC %.4f), Easel %d ms (AUC %s), ratio %.2f%n", round,
                    plain, plainAuc, engine, easel.output("evaluate", "report").metrics().get("auc"),
                    (double) engine / plain);
            System.out.printf("  Easel's nodes: %s%n", easel.nodeTimes());
            plainTotal += plain;
            easelTotal += engine;
        }
        System.out.printf("E1, %,d rows, %d rounds: plain Spark %d ms, Easel %d ms, Easel / plain %.2f (goal ≤ 1.10)%n",
                rows, rounds, plainTotal, easelTotal, (double) easelTotal / plainTotal);
        spark.stop();
    }

    /**
     * The same steps as a user would write them in plain Spark MLlib: the label and the categories indexed, the
     * features assembled, the GBDT fitted on the training side, the test side scored and its AUC computed, the
     * fitted pipeline converted to PMML and written. Returns the AUC.
     */
    static double plainSpark(SparkSession spark, SyntheticCsv csv, Path pmmlFile) throws Exception {
        Dataset<Row> read = spark.read().option("header", true).schema(csv.schema().replace(':', ' '))
                .csv(csv.directory().toString());
        for (String text : csv.textNumbers()) {
            read = read.withColumn(text, col(text).cast("double"));
        }
        Dataset<Row>[] split = read.randomSplit(new double[] {0.85, 0.15}, SEED);
        List<PipelineStage> stages = new ArrayList<>();
        stages.add(new StringIndexer().setInputCol(SyntheticCsv.LABEL).setOutputCol("labelIndex"));
        List<String> features = new ArrayList<>(csv.textNumbers());
        features.addAll(csv.numbers());
        for (String category : csv.categories()) {
            stages.add(new StringIndexer().setInputCol(category).setOutputCol(category + "Index")
                    .setHandleInvalid("keep"));
            features.add(category + "Index");
        }
        stages.add(new VectorAssembler().setInputCols(features.toArray(String[]::new)).setOutputCol("features"));
        stages.add(new GBTClassifier().setLabelCol("labelIndex").setFeaturesCol("features").setMaxIter(TREES)
                .setMaxDepth(DEPTH).setSeed(SEED));
        PipelineModel model = new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(split[0]);
        double auc = new BinaryClassificationEvaluator().setLabelCol("labelIndex")
                .evaluate(model.transform(split[1]));
        Files.write(pmmlFile, new PMMLBuilder(read.schema(), model).buildByteArray());
        return auc;
    }
}
