package io.easel.components.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The check a table output passes when its node added steps to the lineage (a scaler, an encoder): those steps,
 * replayed in PMML on raw records, compute every number Spark computed. PMML needs a model at the end of a pipeline,
 * so each numeric column (each slot of a vector column) the node wrote is read by a linear model that returns it
 * unchanged ({@code 1 * x + 0}), and the model's PMML prediction is compared with Spark's value, on real rows and on
 * copies with one raw input missing or one text input holding an unseen value.
 */
public final class LineageParity {

    private static final int ROWS = 20;
    private static final String PROBE = "__probe";
    /** PMML wants the probe model's label among the raw fields; no row has it. */
    private static final String PROBE_LABEL = "__probe_label";

    private LineageParity() {}

    /**
     * @param input the table the node read (its lineage is a prefix of the output's)
     * @param raw rows as the source read them, with the columns of the lineage's raw schema
     */
    public static void assertNewStepsReplayInPmml(TableData input, TableData output, Dataset<Row> raw, String where)
            throws Exception {
        List<Transformer> steps = output.lineage().steps();
        if (steps.size() <= input.lineage().steps().size()) {
            return;
        }
        StructType rawSchema = output.lineage().rawSchema();
        List<Row> rows = PmmlParity.perturbed(raw.select(Arrays.stream(rawSchema.fieldNames())
                        .map(PmmlParity::quoted).map(functions::col).toArray(Column[]::new)).limit(ROWS)
                .collectAsList(), rawSchema, Arrays.asList(rawSchema.fieldNames()));
        Dataset<Row> rawRows = TestSpark.session().createDataFrame(rows,
                SparkTypes.toSchema(SparkTypes.fromSchema(rawSchema)));
        List<Row> spark = new PipelineModel("lineage", steps.toArray(Transformer[]::new)).transform(rawRows)
                .collectAsList();
        List<String> before = Arrays.asList(input.rows().schema().fieldNames());
        List<String> written = written(steps.subList(input.lineage().steps().size(), steps.size()));
        for (StructField column : output.rows().schema().fields()) {
            boolean vector = column.dataType() instanceof org.apache.spark.ml.linalg.VectorUDT;
            if ((column.dataType() instanceof NumericType || vector)
                    && (!before.contains(column.name()) || written.contains(column.name()))) {
                int slots = vector ? ((Vector) spark.getFirst().getAs(column.name())).size() : 1;
                for (int slot = 0; slot < slots; slot++) {
                    assertSlotReplays(steps, rawSchema, rows, spark, column.name(), slot, slots, vector, where);
                }
            }
        }
    }

    /** The columns the steps declare they write: their output column(s), or their inputs when written in place. */
    private static List<String> written(List<Transformer> steps) {
        List<String> columns = new ArrayList<>();
        for (Transformer step : steps) {
            if (step.hasParam("outputCol") && step.isDefined(step.getParam("outputCol"))) {
                columns.add((String) step.getOrDefault(step.getParam("outputCol")));
            }
            if (step.hasParam("outputCols") && step.isDefined(step.getParam("outputCols"))) {
                String[] outputs = (String[]) step.getOrDefault(step.getParam("outputCols"));
                columns.addAll(Arrays.asList(outputs.length == 0 && step.hasParam("inputCols")
                        ? (String[]) step.getOrDefault(step.getParam("inputCols")) : outputs));
            }
        }
        return columns;
    }

    private static void assertSlotReplays(List<Transformer> steps, StructType rawSchema, List<Row> rows,
            List<Row> spark, String column, int slot, int slots, boolean vector, String where) throws Exception {
        List<Transformer> probe = new ArrayList<>(steps);
        probe.add(new VectorAssembler().setInputCols(new String[] {column}).setOutputCol(PROBE)
                .setHandleInvalid("keep"));
        double[] unit = new double[slots];
        unit[slot] = 1;
        LinearRegressionModel identity = new LinearRegressionModel("probe", Vectors.dense(unit), 0);
        identity.set(identity.labelCol(), PROBE_LABEL);
        probe.add(identity.setFeaturesCol(PROBE));
        Pmml pmml = Pmml.convert(rawSchema.add(PROBE_LABEL, org.apache.spark.sql.types.DataTypes.DoubleType, true),
                new PipelineModel("probe", probe.toArray(Transformer[]::new)));
        for (int i = 0; i < rows.size(); i++) {
            Object value = spark.get(i).getAs(column);
            Double expected = value == null ? null : vector ? ((Vector) value).apply(slot)
                    : ((Number) value).doubleValue();
            String what = where + ", column " + column + (vector ? "[" + slot + "]" : "") + ", raw row " + rows.get(i);
            Map<String, ?> result;
            try {
                result = pmml.score(rows.get(i));
            } catch (RuntimeException e) {
                throw new AssertionError(what + ": PMML cannot compute it; Spark computed " + expected, e);
            }
            Object computed = result.get(PROBE_LABEL);
            if (expected == null || expected.isNaN()) {
                assertThat(computed == null || ((Number) computed).doubleValue() != ((Number) computed).doubleValue())
                        .as(what + ": Spark has no value, PMML has " + computed).isTrue();
            } else {
                assertThat(computed).as(what + ": PMML has no value, Spark has " + expected).isNotNull();
                assertThat(((Number) computed).doubleValue()).as(what)
                        .isCloseTo(expected, within(PmmlParity.TOLERANCE * Math.max(1, Math.abs(expected))));
            }
        }
    }
}
