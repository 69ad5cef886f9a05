package io.easel.components.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The check every exportable model passes (JPMML-SparkML's algorithm × dataset golden tests, as Easel runs them):
 * its whole scoring pipeline, converted to PMML and scored by JPMML-Evaluator on raw records, predicts what Spark
 * predicts (the class or number, the probabilities, the cluster), within 1e-9, on real rows and on copies of them
 * with one feature missing or one text feature holding a value never seen in training.
 */
public final class PmmlParity {

    public static final double TOLERANCE = 1e-9;
    static final String UNSEEN = "never seen in training";
    private static final int ROWS = 30;

    private PmmlParity() {}

    /** @param raw rows as the source read them, with the columns of the model's raw schema */
    public static void assertSparkAndPmmlAgree(ModelData model, Dataset<Row> raw, String where) throws Exception {
        StructType schema = model.lineage().rawSchema();
        Pmml pmml = Pmml.convert(scoringSchema(model), model.scoringPipelineFromRaw());
        List<Row> rows = perturbed(raw.select(Arrays.stream(schema.fieldNames()).map(PmmlParity::quoted)
                .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
                .limit(ROWS).collectAsList(), schema, pmml.inputNames());
        Dataset<Row> rawRows = TestSpark.session().createDataFrame(rows, SparkTypes.toSchema(
                SparkTypes.fromSchema(schema)));
        Dataset<Row> prepared = new org.apache.spark.ml.PipelineModel("lineage",
                model.lineage().steps().toArray(org.apache.spark.ml.Transformer[]::new)).transform(rawRows);
        List<Row> scored = model.score(prepared).collectAsList();
        assertThat(scored).hasSameSizeAs(rows);
        ColumnSpec label = model.spec().label();
        for (int i = 0; i < rows.size(); i++) {
            Row spark = scored.get(i);
            Map<String, ?> result;
            try {
                result = pmml.score(rows.get(i));
            } catch (RuntimeException e) {
                throw new AssertionError(where + ": PMML cannot score row " + rows.get(i) + ", which Spark scored as "
                        + spark, e);
            }
            String row = where + ", row " + rows.get(i) + " scored " + result;
            for (ColumnSpec output : model.spec().outputs()) {
                Object value = spark.getAs(output.name());
                switch (output.name()) {
                    case ModelData.PREDICTION -> assertPrediction(value, result.get(target(model, label, result)),
                            row);
                    // a clustering model has no target: PMML names its output field after Spark's column
                    case ClusteringLearner.CLUSTER -> assertPrediction(value, result.get(ClusteringLearner.CLUSTER),
                            row);
                    case ModelData.PROBABILITY -> {
                        Vector probabilities = (Vector) value;
                        for (int c = 0; c < model.labels().size(); c++) {
                            Object pmmlProbability = result.get("probability(" + model.labels().get(c) + ")");
                            assertThat(pmmlProbability).as(row + ": probability(" + model.labels().get(c) + ")")
                                    .isNotNull();
                            assertThat(((Number) pmmlProbability).doubleValue()).as(row)
                                    .isCloseTo(probabilities.apply(c), within(TOLERANCE));
                        }
                    }
                    default -> { } // score is derived from the probabilities in Spark and in the server alike
                }
            }
        }
    }

    /** Spark names the prediction "prediction"; PMML names its target after the label. */
    private static String target(ModelData model, ColumnSpec label, Map<String, ?> result) {
        if (label != null && result.containsKey(label.name())) {
            return label.name();
        }
        return result.keySet().stream().filter(k -> !k.startsWith("probability(")).findFirst().orElseThrow();
    }

    private static void assertPrediction(Object spark, Object pmml, String row) {
        if (spark instanceof Double d) {
            assertThat(pmml).as(row).isInstanceOf(Number.class);
            assertThat(((Number) pmml).doubleValue()).as(row)
                    .isCloseTo(d, within(TOLERANCE * Math.max(1, Math.abs(d))));
        } else if (spark instanceof Number n && pmml instanceof Number p) {
            assertThat(p.longValue()).as(row).isEqualTo(n.longValue());
        } else {
            assertThat(pmml).as(row).isEqualTo(spark);
        }
    }

    /**
     * The rows, then for every raw input the first rows again with that input missing, and for every text input
     * with a value never seen in training.
     */
    static List<Row> perturbed(List<Row> rows, StructType schema, List<String> inputs) {
        List<Row> all = new ArrayList<>(rows);
        StructField[] fields = schema.fields();
        for (int f = 0; f < fields.length; f++) {
            if (!inputs.contains(fields[f].name())) {
                continue;
            }
            for (int r = 0; r < Math.min(3, rows.size()); r++) {
                all.add(with(rows.get(r), schema, f, null));
                if (SparkTypes.toEasel(fields[f].dataType()).orElse(null) == DataType.STRING) {
                    all.add(with(rows.get(r), schema, f, UNSEEN));
                }
            }
        }
        return all;
    }

    private static Row with(Row row, StructType schema, int field, Object value) {
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        values[field] = value;
        return new GenericRowWithSchema(values, schema);
    }

    /** As the exporter: the label belongs to the raw schema even when a feature step made it. */
    static StructType scoringSchema(ModelData model) {
        StructType raw = model.lineage().rawSchema();
        ColumnSpec label = model.spec().label();
        if (label == null || Arrays.asList(raw.fieldNames()).contains(label.name())) {
            return raw;
        }
        return raw.add(label.name(), SparkTypes.toSpark(label.type()), true);
    }

    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
