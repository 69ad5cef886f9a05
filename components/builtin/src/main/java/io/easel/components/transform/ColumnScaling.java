package io.easel.components.transform;

import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

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
import org.apache.spark.sql.types.StructType;

/**
 * The fitted form of every column scaler (standard, min-max, max-abs, robust): each output is
 * {@code (x - center) * factor} of its input, as a double; missing (null or NaN) stays missing. Spark's scalers work
 * on one vector column and JPMML-SparkML converts only some of them (not RobustScaler); this one works on columns, as
 * analysts do, and has its own converter ({@code io.easel.components.pmml.ColumnScalingConverter}).
 */
public final class ColumnScaling extends ColumnwiseTransformer<ColumnScaling> {

    private final DoubleArrayParam centers;
    private final DoubleArrayParam factors;

    public ColumnScaling() {
        this(Identifiable.randomUID("easelColumnScaling"));
    }

    public ColumnScaling(String uid) {
        super(uid, "numeric columns to scale", "where the scaled values go, one per input (may be the input)");
        this.centers = new DoubleArrayParam(this, "centers", "subtracted from each input first");
        this.factors = new DoubleArrayParam(this, "factors", "what each centred input is multiplied by");
    }

    public static MLReader<ColumnScaling> read() {
        return new DefaultParamsReader<>();
    }

    public static ColumnScaling load(String path) {
        return read().load(path);
    }

    public DoubleArrayParam centers() {
        return centers;
    }

    public DoubleArrayParam factors() {
        return factors;
    }

    public ColumnScaling setCenters(double[] values) {
        set(centers, values);
        return this;
    }

    public ColumnScaling setFactors(double[] values) {
        set(factors, values);
        return this;
    }

    public double[] getCenters() {
        return $(centers);
    }

    public double[] getFactors() {
        return $(factors);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        ColumnwiseSchema.check(this, schema, getCenters().length, getFactors().length);
        return ColumnwiseSchema.withDoubleOutputs(schema, getOutputCols());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Map<String, Column> scaled = new LinkedHashMap<>();
        List<String> inputs = getInputCols();
        for (int i = 0; i < inputs.size(); i++) {
            Column x = dataset.col(inputs.get(i)).cast(DataTypes.DoubleType);
            scaled.put(getOutputCols().get(i), when(x.isNull().or(isnan(x)), lit(null).cast(DataTypes.DoubleType))
                    .otherwise(x.minus(getCenters()[i]).multiply(getFactors()[i])));
        }
        return dataset.withColumns(scaled);
    }
}
