package io.easel.plugin.example.transform;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import io.easel.components.transform.ColumnwiseTransformer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The fitted z-score step: for each input column, {@code (x - mean) / std} into its output column, with the mean and
 * the sample standard deviation learned on the training table. A column without spread (std 0) scores 0; a missing
 * value stays missing. Its PMML converter is {@code io.easel.plugin.example.pmml.FittedZScoreConverter}, registered
 * in this jar's {@code META-INF/sparkml2pmml.properties}.
 */
public final class FittedZScore extends ColumnwiseTransformer<FittedZScore> {

    private final DoubleArrayParam means;
    private final DoubleArrayParam stds;

    public FittedZScore() {
        this(Identifiable.randomUID("easelZScore"));
    }

    public FittedZScore(String uid) {
        super(uid, "numeric columns to score", "where the z-scores go, one per input");
        this.means = new DoubleArrayParam(this, "means", "the mean of each input on the training table");
        this.stds = new DoubleArrayParam(this, "stds",
                "the sample standard deviation of each input on the training table (0: no spread)");
    }

    /**
     * Learns the mean and sample standard deviation of each input over {@code rows} in one pass (NaN counts as
     * missing).
     *
     * @throws IllegalArgumentException naming a column that has no value to learn from
     */
    public static FittedZScore learn(Dataset<Row> rows, List<String> inputs, List<String> outputs) {
        List<Column> statistics = new ArrayList<>();
        for (String input : inputs) {
            Column value = col(quoted(input)).cast(DataTypes.DoubleType);
            Column present = when(isnan(value), lit(null).cast(DataTypes.DoubleType)).otherwise(value);
            statistics.add(avg(present));
            statistics.add(stddev_samp(present));
        }
        Row learned = rows.agg(statistics.getFirst(), statistics.subList(1, statistics.size()).toArray(Column[]::new))
                .first();
        double[] mean = new double[inputs.size()];
        double[] std = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            if (learned.isNullAt(2 * i)) {
                throw new IllegalArgumentException("Column '" + inputs.get(i) + "' has no values to learn its mean "
                        + "and standard deviation from: choose columns that have values, or fill the missing ones "
                        + "first");
            }
            mean[i] = learned.getDouble(2 * i);
            // one value has no sample standard deviation: no spread, like a constant column
            std[i] = learned.isNullAt(2 * i + 1) || Double.isNaN(learned.getDouble(2 * i + 1)) ? 0
                    : learned.getDouble(2 * i + 1);
        }
        return new FittedZScore().setInputCols(inputs).setOutputCols(outputs).setMeans(mean).setStds(std);
    }

    public static MLReader<FittedZScore> read() {
        return new DefaultParamsReader<>();
    }

    public static FittedZScore load(String path) {
        return read().load(path);
    }

    public DoubleArrayParam means() {
        return means;
    }

    public DoubleArrayParam stds() {
        return stds;
    }

    public FittedZScore setMeans(double[] values) {
        set(means, values.clone());
        return this;
    }

    public FittedZScore setStds(double[] values) {
        set(stds, values.clone());
        return this;
    }

    public double[] getMeans() {
        return $(means).clone();
    }

    public double[] getStds() {
        return $(stds).clone();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        List<String> inputs = getInputCols();
        if (inputs.size() != getOutputCols().size() || inputs.size() != $(means).length
                || inputs.size() != $(stds).length) {
            throw new IllegalArgumentException("FittedZScore: " + inputs.size() + " input columns, "
                    + getOutputCols().size() + " output columns, " + $(means).length + " means and "
                    + $(stds).length + " standard deviations");
        }
        StructType result = schema;
        for (int i = 0; i < inputs.size(); i++) {
            StructField input = schema.apply(inputs.get(i));
            if (!(input.dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("FittedZScore: column '" + inputs.get(i) + "' is "
                        + input.dataType().simpleString() + ", not a number");
            }
            String output = getOutputCols().get(i);
            StructField scored = new StructField(output, DataTypes.DoubleType, true,
                    org.apache.spark.sql.types.Metadata.empty());
            result = List.of(result.fieldNames()).contains(output)
                    ? new StructType(Arrays.stream(result.fields())
                            .map(f -> f.name().equals(output) ? scored : f).toArray(StructField[]::new))
                    : result.add(scored);
        }
        return result;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        double[] mean = $(means);
        double[] std = $(stds);
        Map<String, Column> scores = new LinkedHashMap<>();
        for (int i = 0; i < mean.length; i++) {
            Column deviation = dataset.col(quoted(getInputCols().get(i))).cast(DataTypes.DoubleType).minus(mean[i]);
            scores.put(getOutputCols().get(i), std[i] > 0 ? deviation.divide(std[i]) : deviation.multiply(0.0));
        }
        return dataset.withColumns(scores);
    }

    /** A column name as Spark's column resolution reads it literally (names may hold dots). */
    private static String quoted(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
