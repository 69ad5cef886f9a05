package gen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jpmml.sparkml.PMMLBuilder;

/** One-off: trains a GBT pipeline on credit_g and writes model.pmml, model.json and expected.json. */
public class CreditGbdtFixture {

    static final List<String> INTEGERS = List.of("duration", "credit_amount", "installment_commitment",
            "residence_since", "age", "existing_credits", "num_dependents");

    static Map<String, String> column(String name, String type) {
        Map<String, String> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("type", type);
        return column;
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("fixture")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();

        String[] header = Files.readAllLines(csv).get(0).split(",");
        List<StructField> fields = new ArrayList<>();
        for (String name : header) {
            fields.add(DataTypes.createStructField(name,
                    INTEGERS.contains(name) ? DataTypes.IntegerType : DataTypes.StringType, true));
        }
        StructType schema = DataTypes.createStructType(fields);
        Dataset<Row> data = spark.read().option("header", "true").schema(schema).csv(csv.toString());

        List<PipelineStage> stages = new ArrayList<>();
        StringIndexer labelIndexer = new StringIndexer().setInputCol("class").setOutputCol("class_index");
        stages.add(labelIndexer);
        List<String> assembled = new ArrayList<>();
        List<Map<String, String>> inputs = new ArrayList<>();
        for (String name : header) {
            if (name.equals("class")) {
                continue;
            }
            if (INTEGERS.contains(name)) {
                assembled.add(name);
                inputs.add(column(name, "integer"));
            } else {
                stages.add(new StringIndexer().setInputCol(name).setOutputCol(name + "_index"));
                assembled.add(name + "_index");
                inputs.add(column(name, "string"));
            }
        }
        stages.add(new VectorAssembler().setInputCols(assembled.toArray(String[]::new)).setOutputCol("features"));
        stages.add(new GBTClassifier().setLabelCol("class_index").setFeaturesCol("features").setMaxIter(20)
                .setMaxDepth(3).setSeed(42L));
        Pipeline pipeline = new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
        PipelineModel fitted = pipeline.fit(data);
        String[] labels = ((StringIndexerModel) fitted.stages()[0]).labelsArray()[0];

        // IndexToString after fitting, with the label indexer's labels, as Easel's predict step does.
        PipelineStage[] withLabel = new PipelineStage[fitted.stages().length + 1];
        System.arraycopy(fitted.stages(), 0, withLabel, 0, fitted.stages().length);
        withLabel[withLabel.length - 1] = new IndexToString().setInputCol("prediction").setOutputCol("predicted_class")
                .setLabels(labels);
        PipelineModel model = new PipelineModel("credit-gbdt",
                java.util.Arrays.stream(withLabel).map(s -> (org.apache.spark.ml.Transformer) s).toList());

        byte[] pmml = new PMMLBuilder(schema, model).buildByteArray();
        Files.write(out.resolve("model.pmml"), pmml);

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        // The same fields as the engine's model.json (io.easel.run.ModelDescription).
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("formatVersion", 1);
        descriptor.put("runId", "fixture");
        descriptor.put("nodeId", "gbdt");
        descriptor.put("port", "model");
        descriptor.put("algorithm", "gbdt-classifier");
        descriptor.put("inputs", inputs);
        descriptor.put("label", column("class", "string"));
        descriptor.put("classLabels", List.of(labels));
        descriptor.put("outputs", List.of(column("prediction", "string"), column("probability", "vector"),
                column("score", "double")));
        descriptor.put("metrics", Map.of("trainingRows", 1000));
        descriptor.put("pmml", "model.pmml");
        descriptor.put("exportedAt", 0);
        json.writeValue(out.resolve("model.json").toFile(), descriptor);

        // First 12 rows: raw records, Spark's probabilities by label and predicted label.
        Dataset<Row> sample = data.limit(12);
        List<Row> scored = model.transform(sample).collectAsList();
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Row row : scored) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (String name : header) {
                if (!name.equals("class")) {
                    record.put(name, row.getAs(name));
                }
            }
            Vector probability = row.getAs("probability");
            Map<String, Double> probabilities = new LinkedHashMap<>();
            for (int i = 0; i < labels.length; i++) {
                probabilities.put(labels[i], probability.apply(i));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("record", record);
            entry.put("actual", row.getAs("class"));
            entry.put("prediction", row.getAs("predicted_class"));
            entry.put("probabilities", probabilities);
            entry.put("score", probability.apply(1));
            expected.add(entry);
        }
        json.writeValue(out.resolve("expected.json").toFile(), Map.of("labels", List.of(labels), "rows", expected));
        spark.stop();
    }
}
