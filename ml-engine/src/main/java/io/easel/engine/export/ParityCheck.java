package io.easel.engine.export;

import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ModelData;
import io.easel.run.ParityReport;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores the same raw rows with an exported model's PMML (JPMML-Evaluator, as deployments do) and with Spark's own
 * scoring pipeline from raw records, and reports whether they agree ({@link ParityReport}).
 *
 * <p>The rows are up to {@value #SAMPLE_ROWS} of the given table (records with the model's raw schema), then
 * perturbed copies of up to {@value #PERTURBED_ROWS} of them: one copy with one input missing, and, when the model
 * has text inputs, one copy with one text input set to a category never seen in training ({@value #UNSEEN}); the
 * perturbed input changes from row to row. Spark may refuse a row (a step set to fail on invalid values): the rows
 * are scored together, and when that fails in halves, within a few Spark jobs, so that one refused row does not void
 * the others. A refused row is counted, not compared.
 *
 * <p>Compared are Spark's output columns as the PMML names them: a regression's {@code prediction} (its value,
 * relative to it above 1), a classifier's predicted class and {@code probability(<class>)} per class (a classifier
 * without probabilities: the class alone), a clustering model's {@code cluster}. A row PMML cannot score though Spark
 * did counts as a label mismatch. The check never throws: a failure is reported as "not checked" with its reason.
 */
public final class ParityCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ParityCheck.class);

    /** The text value perturbed rows carry: a category no training set has. */
    public static final String UNSEEN = "__easel_unseen__";
    static final int SAMPLE_ROWS = 200;
    static final int PERTURBED_ROWS = 20;
    /** Spark jobs that may score one set of rows: enough to isolate a few refused rows among many. */
    static final int SPARK_ATTEMPTS = 7;
    private static final String ROW_ID = ModelData.INTERNAL_PREFIX + "parity_row";
    private static final String PROBABILITY_FIELD = "probability(";

    private final byte[] pmml;
    private final PipelineModel pipeline;
    private final ModelData model;

    /**
     * @param pmml the PMML as exported
     * @param pipeline the Spark pipeline it was converted from: the model's scoring pipeline from raw records
     * @param model the model, for its outputs, class labels and raw schema
     */
    public ParityCheck(byte[] pmml, PipelineModel pipeline, ModelData model) {
        this.pmml = pmml;
        this.pipeline = pipeline;
        this.model = model;
    }

    /** Compares the two on rows of {@code table}, which has (at least) the model's raw columns; never throws. */
    public ParityReport against(Dataset<Row> table) {
        try {
            return compare(table);
        } catch (Exception | LinkageError e) {
            LOG.warn("Parity check of the exported PMML not done", e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ParityReport.notChecked(ParityReport.Unchecked.FAILED, message.lines().findFirst().orElse(message));
        }
    }

    private ParityReport compare(Dataset<Row> table) throws Exception {
        Evaluator evaluator = new LoadingModelEvaluatorBuilder().load(new ByteArrayInputStream(pmml)).build();
        StructType raw = model.lineage().rawSchema();
        List<Row> sample = table.select(Arrays.stream(raw.fieldNames()).map(ParityCheck::column)
                .toArray(Column[]::new)).limit(SAMPLE_ROWS).collectAsList();
        if (sample.isEmpty()) {
            return ParityReport.notChecked(ParityReport.Unchecked.EMPTY_TABLE,
                    "the table of the model's raw records is empty");
        }
        StructType schema = withRowId(raw);
        List<String> inputs = evaluator.getInputFields().stream().map(InputField::getName).toList();
        List<Row> rows = new ArrayList<>();
        sample.forEach(row -> rows.add(withValue(row, schema, rows.size(), -1, null)));
        List<Row> perturbed = perturbed(sample, schema, inputs, rows.size());
        SparkSession spark = table.sparkSession();
        Map<Integer, Row> scored = new HashMap<>(scoreInSpark(spark, rows, schema));
        scored.putAll(scoreInSpark(spark, perturbed, schema));
        rows.addAll(perturbed);

        double maxDifference = 0;
        int mismatches = 0;
        for (Map.Entry<Integer, Row> entry : scored.entrySet()) {
            Comparison comparison = compare(evaluator, rows.get(entry.getKey()), entry.getValue());
            maxDifference = Math.max(maxDifference, comparison.maxDifference);
            mismatches += comparison.labelMismatch ? 1 : 0;
        }
        return ParityReport.of(scored.size(), perturbed.size(), rows.size() - scored.size(), maxDifference,
                mismatches);
    }

    /** What one row's comparison found: the largest difference, and whether a label differed. */
    private static final class Comparison {

        private double maxDifference;
        private boolean labelMismatch;

        /** A difference that is not a number (a value on one side only) is a mismatch: JSON has no NaN to record. */
        void difference(double difference) {
            if (Double.isFinite(difference)) {
                maxDifference = Math.max(maxDifference, difference);
            } else {
                labelMismatch = true;
            }
        }

        void labels(Object spark, Object pmml) {
            labelMismatch |= !sameLabel(spark, pmml);
        }
    }

    private Comparison compare(Evaluator evaluator, Row input, Row spark) {
        Comparison comparison = new Comparison();
        Map<String, ?> result;
        try {
            result = score(evaluator, input);
        } catch (RuntimeException e) {
            comparison.labelMismatch = true;
            return comparison;
        }
        for (String output : spark.schema().fieldNames()) {
            Object value = spark.getAs(output);
            switch (output) {
                case ModelData.PREDICTION -> {
                    Object predicted = result.get(target(result));
                    if (model.labels().isEmpty() && value instanceof Number number) {
                        comparison.difference(predicted instanceof Number p
                                ? relativeDifference(number.doubleValue(), p.doubleValue()) : Double.NaN);
                    } else {
                        comparison.labels(value, predicted);
                    }
                }
                case ClusteringLearner.CLUSTER -> comparison.labels(value, result.get(ClusteringLearner.CLUSTER));
                case ModelData.PROBABILITY -> {
                    Vector probabilities = (Vector) value;
                    for (int c = 0; c < model.labels().size(); c++) {
                        Object p = result.get(PROBABILITY_FIELD + model.labels().get(c) + ")");
                        comparison.difference(p instanceof Number number
                                ? Math.abs(number.doubleValue() - probabilities.apply(c)) : Double.NaN);
                    }
                }
                default -> { } // the row id
            }
        }
        return comparison;
    }

    /**
     * A regression's difference: absolute up to 1, relative to Spark's value above (a price of 1e6 is not exact). A
     * value missing (NaN) on one side only gives NaN: a mismatch.
     */
    private static double relativeDifference(double spark, double pmml) {
        if (Double.compare(spark, pmml) == 0) {
            return 0;
        }
        return Math.abs(spark - pmml) / Math.max(1, Math.abs(spark));
    }

    private static boolean sameLabel(Object spark, Object pmml) {
        if (spark instanceof Number s && pmml instanceof Number p) {
            return s.doubleValue() == p.doubleValue();
        }
        return spark == null ? pmml == null : pmml != null && Objects.equals(spark.toString(), pmml.toString());
    }

    /** Spark names the prediction "prediction"; PMML names its target after the label. */
    private String target(Map<String, ?> result) {
        if (model.spec().label() != null && result.containsKey(model.spec().label().name())) {
            return model.spec().label().name();
        }
        return result.keySet().stream().filter(k -> !k.startsWith(PROBABILITY_FIELD)).findFirst().orElse("");
    }

    private static Map<String, ?> score(Evaluator evaluator, Row row) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (InputField input : evaluator.getInputFields()) {
            int index = row.fieldIndex(input.getName());
            arguments.put(input.getName(), input.prepare(row.isNullAt(index) ? null : row.get(index)));
        }
        return EvaluatorUtil.decodeAll(evaluator.evaluate(arguments));
    }

    /**
     * Spark's outputs by row id. Rows are scored together; if Spark refuses that, each half again, and so on, within
     * {@value #SPARK_ATTEMPTS} Spark jobs in all (one per row would cost a run a job per refused row); rows Spark
     * refused, or that the attempts did not reach, are left out.
     */
    private Map<Integer, Row> scoreInSpark(SparkSession spark, List<Row> rows, StructType schema) {
        Map<Integer, Row> scored = new HashMap<>();
        scoreInSpark(spark, rows, schema, scored, new int[] {SPARK_ATTEMPTS});
        return scored;
    }

    private void scoreInSpark(SparkSession spark, List<Row> rows, StructType schema, Map<Integer, Row> scored,
            int[] attemptsLeft) {
        if (rows.isEmpty() || attemptsLeft[0] == 0) {
            return;
        }
        attemptsLeft[0]--;
        try {
            scored.putAll(scoreTogether(spark, rows, schema));
        } catch (Exception refused) {
            if (rows.size() > 1) {
                int half = rows.size() / 2;
                scoreInSpark(spark, rows.subList(0, half), schema, scored, attemptsLeft);
                scoreInSpark(spark, rows.subList(half, rows.size()), schema, scored, attemptsLeft);
            }
        }
    }

    private Map<Integer, Row> scoreTogether(SparkSession spark, List<Row> rows, StructType schema) {
        Dataset<Row> transformed = pipeline.transform(spark.createDataFrame(rows, schema));
        List<String> present = Arrays.asList(transformed.columns());
        List<Column> selected = new ArrayList<>(List.of(functions.col(ROW_ID)));
        model.spec().outputs().stream().map(o -> o.name()).filter(present::contains)
                .forEach(name -> selected.add(column(name)));
        Map<Integer, Row> scored = new HashMap<>();
        for (Row row : transformed.select(selected.toArray(Column[]::new)).collectAsList()) {
            scored.put(row.getInt(0), row);
        }
        return scored;
    }

    /**
     * Copies of the first rows, each with one input missing, and with one text input holding {@link #UNSEEN}; the
     * input changes from row to row so that every one is tried when there are enough rows.
     */
    private static List<Row> perturbed(List<Row> sample, StructType schema, List<String> inputs, int firstId) {
        List<String> text = inputs.stream()
                .filter(name -> schema.apply(name).dataType().equals(DataTypes.StringType)).toList();
        List<Row> perturbed = new ArrayList<>();
        for (int i = 0; i < Math.min(PERTURBED_ROWS, sample.size()) && !inputs.isEmpty(); i++) {
            Row row = sample.get(i);
            perturbed.add(withValue(row, schema, firstId + perturbed.size(),
                    schema.fieldIndex(inputs.get(i % inputs.size())), null));
            if (!text.isEmpty()) {
                perturbed.add(withValue(row, schema, firstId + perturbed.size(),
                        schema.fieldIndex(text.get(i % text.size())), UNSEEN));
            }
        }
        return perturbed;
    }

    /** The raw row with its id appended and, when {@code field ≥ 0}, that field set to {@code value}. */
    private static Row withValue(Row row, StructType schema, int id, int field, Object value) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < row.length(); i++) {
            values[i] = i == field ? value : row.get(i);
        }
        values[values.length - 1] = id;
        return new GenericRowWithSchema(values, schema);
    }

    /** The raw schema, every column nullable (perturbed rows have missing values), and a row id. */
    private static StructType withRowId(StructType raw) {
        StructField[] fields = Arrays.stream(raw.fields())
                .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata()))
                .toArray(StructField[]::new);
        return new StructType(fields).add(ROW_ID, DataTypes.IntegerType, false);
    }

    private static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
